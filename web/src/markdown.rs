//! A small Markdown renderer for rule docs (headings, paragraphs, lists, fenced code, `code`,
//! **bold**, *emphasis*, [links](url)). It builds Yew nodes, never raw HTML, so docs cannot inject
//! markup.

use yew::prelude::*;

enum Block {
    Heading(usize, String),
    Para(String),
    List(bool, Vec<String>),
    Code(String),
}

fn blocks(src: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut code: Option<String> = None;
    let flush = |para: &mut Vec<&str>, list: &mut Option<(bool, Vec<String>)>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Para(para.join(" ")));
            para.clear();
        }
        if let Some((ordered, items)) = list.take() {
            out.push(Block::List(ordered, items));
        }
    };
    for line in src.lines() {
        if let Some(buf) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                out.push(Block::Code(std::mem::take(buf)));
                code = None;
            } else {
                buf.push_str(line);
                buf.push('\n');
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush(&mut para, &mut list, &mut out);
            code = Some(String::new());
        } else if trimmed.is_empty() {
            flush(&mut para, &mut list, &mut out);
        } else if let Some(level) = heading_level(trimmed) {
            flush(&mut para, &mut list, &mut out);
            out.push(Block::Heading(level, trimmed[level..].trim().to_owned()));
        } else if let Some((ordered, item)) = list_item(trimmed) {
            if !para.is_empty() {
                out.push(Block::Para(para.join(" ")));
                para.clear();
            }
            match list.as_mut() {
                Some((o, items)) if *o == ordered => items.push(item.to_owned()),
                _ => {
                    if let Some((o, items)) = list.take() {
                        out.push(Block::List(o, items));
                    }
                    list = Some((ordered, vec![item.to_owned()]));
                }
            }
        } else if let Some((_, items)) = list.as_mut().filter(|_| line.starts_with("  ")) {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            if let Some((o, items)) = list.take() {
                out.push(Block::List(o, items));
            }
            para.push(trimmed);
        }
    }
    if let Some(buf) = code {
        out.push(Block::Code(buf));
    }
    flush(&mut para, &mut list, &mut out);
    out
}

fn heading_level(line: &str) -> Option<usize> {
    let n = line.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&n).then_some(n).filter(|n| line[*n..].starts_with(' '))
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = line[digits..].strip_prefix(". ")
    {
        return Some((true, rest));
    }
    None
}

/// Inline spans: `code`, **bold**, *em*, [text](url).
fn inline(text: &str) -> Html {
    let mut nodes: Vec<Html> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let taken = match c {
            '`' => rest[1..].find('`').map(|end| {
                let code = rest[1..1 + end].to_owned();
                (html! { <code>{ code }</code> }, end + 2)
            }),
            '*' if rest.starts_with("**") => rest[2..].find("**").map(|end| {
                let inner = inline(&rest[2..2 + end]);
                (html! { <strong>{ inner }</strong> }, end + 4)
            }),
            // Only `*` emphasis: `_` appears inside identifiers (relay_log_recovery).
            '*' if rest.len() > 1 && !rest[1..].starts_with([' ', '*']) => {
                rest[1..].find(c).filter(|end| *end > 0).map(|end| {
                    let inner = inline(&rest[1..1 + end]);
                    (html! { <em>{ inner }</em> }, end + 2)
                })
            }
            '[' => rest.find("](").and_then(|mid| {
                let close = rest[mid + 2..].find(')')? + mid + 2;
                let label = inline(&rest[1..mid]);
                let url = rest[mid + 2..close].to_owned();
                let safe = url.starts_with("https://") || url.starts_with("http://");
                Some((
                    if safe {
                        html! { <a href={url} target="_blank" rel="noopener noreferrer">{ label }</a> }
                    } else {
                        html! { <span>{ label }</span> }
                    },
                    close + 1,
                ))
            }),
            _ => None,
        };
        match taken {
            Some((node, len)) => {
                if !plain.is_empty() {
                    nodes.push(html! { { std::mem::take(&mut plain) } });
                }
                nodes.push(node);
                rest = &rest[len..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        nodes.push(html! { { plain } });
    }
    nodes.into_iter().collect()
}

/// Text from the core's messages: only `code` spans are marked up (the rest may hold `*` and `_`).
pub fn code_spans(text: &str) -> Html {
    if !text.matches('`').count().is_multiple_of(2) {
        return html! { { text.to_owned() } };
    }
    let mut nodes: Vec<Html> = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        // Odd parts are inside backticks.
        if !i.is_multiple_of(2) {
            nodes.push(html! { <code>{ part.to_owned() }</code> });
        } else {
            nodes.push(html! { { part.to_owned() } });
        }
    }
    nodes.into_iter().collect()
}

/// A report text in its markup (`advisor::render::markup`): paragraphs with `code` spans, and
/// code blocks (a command or a query) with a Copy button. Block elements: use it where a `<div>`
/// or `<li>` may hold paragraphs.
pub fn message(text: &str, lang: advisor::Lang) -> Html {
    use advisor::render::markup::{Block, blocks};
    blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Text(lines) => {
                let text = lines.join("\n");
                text.split("\n\n")
                    .map(|p| p.trim_matches('\n'))
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| html! { <p class="para">{ code_spans(p) }</p> })
                    .collect::<Html>()
            }
            Block::Code { info, code } => html! {
                <div class="code-block" data-lang={info.to_owned()}>
                    <pre class="code"><code>{ code.clone() }</code></pre>
                    <div class="code-actions no-print">
                        <crate::components::CopyButton text={code} {lang} label={advisor::i18n::k::UI_COPY_COMMAND} />
                    </div>
                </div>
            },
        })
        .collect()
}

/// Renders Markdown; headings are shifted so that `#` becomes `base_level`.
pub fn render(src: &str, base_level: usize) -> Html {
    blocks(src)
        .into_iter()
        .map(|b| match b {
            Block::Heading(level, text) => {
                let tag = format!("h{}", (level + base_level - 1).min(6));
                html! { <@{tag}>{ inline(&text) }</@> }
            }
            Block::Para(text) => html! { <p>{ inline(&text) }</p> },
            Block::List(false, items) => {
                html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> }
            }
            Block::List(true, items) => {
                html! { <ol>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ol> }
            }
            Block::Code(code) => html! { <pre class="code"><code>{ code }</code></pre> },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_only_mark_paired_backticks() {
        let html = |h: Html| match h {
            Html::VList(l) => l.len(),
            _ => 0,
        };
        assert_eq!(html(code_spans("Paste `systemctl cat mysqld` (or `x`)")), 5);
        assert_eq!(html(code_spans("`a` b")), 2);
        assert!(matches!(code_spans("relay_log_recovery * 2 `unpaired"), Html::VText(_)));
    }

    #[test]
    fn splits_blocks() {
        let b = blocks("## What it does\nText one\nand two.\n\n- a\n- b\n\n```ini\n[Service]\n```\n1. x\n");
        assert!(matches!(&b[0], Block::Heading(2, t) if t == "What it does"));
        assert!(matches!(&b[1], Block::Para(t) if t == "Text one and two."));
        assert!(matches!(&b[2], Block::List(false, items) if items.len() == 2));
        assert!(matches!(&b[3], Block::Code(c) if c == "[Service]\n"));
        assert!(matches!(&b[4], Block::List(true, _)));
    }
}
