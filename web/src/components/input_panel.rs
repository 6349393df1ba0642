use super::SharedReport;
use super::input_box::InputBox;
use super::log_scan::{
    LogScan, ScanControl, ScanHandle, ScanView, add_whole, is_gzip, read_gzip, scan_file, should_stream,
};
use crate::state::{Action, InputDoc, UndoKind};
use crate::tr::{f, t};
use advisor::Lang;
use advisor::i18n::k;
use std::rc::Rc;
use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub inputs: Rc<Vec<InputDoc>>,
    pub report: SharedReport,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    pub remember: bool,
    /// What an Undo would put back, when it would.
    pub undo: Option<UndoKind>,
}

/// Reads the files locally (nothing is uploaded) and adds each as an input; a large error log is
/// streamed through the scanner instead (one at a time); a gzip file (by its magic bytes) is
/// decompressed first.
fn read_files(files: Option<FileList>, dispatch: Callback<Action>, scan: ScanHandle, lang: Lang) {
    let Some(files) = files else { return };
    for i in 0..files.length() {
        let Some(file) = files.item(i) else { continue };
        let dispatch = dispatch.clone();
        let scan = scan.clone();
        yew::platform::spawn_local(async move {
            if is_gzip(&file).await {
                read_gzip(file, scan, lang, dispatch).await;
                return;
            }
            if should_stream(&file).await {
                if !matches!(*scan.view, ScanView::Running { .. }) {
                    scan_file(file, scan, lang, dispatch).await;
                }
                return;
            }
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else { return };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            // NUL bytes: a binary file (or UTF-16 text), which would read as garbage. Said, not added.
            if is_binary(&bytes) {
                let name = file.name();
                let note = f(lang, k::UI_BINARY_FILE, &[("name", &name)]);
                scan.view.set(ScanView::Notice { name, note });
                return;
            }
            add_whole(file.name(), &bytes, &dispatch);
        });
    }
}

/// True when the first 64 KiB hold a NUL byte: no text format this page reads has one.
fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(64 * 1024)].contains(&0)
}

/// The input column: the boxes, "add input", "choose files", drop target and Clear.
#[function_component(InputPanel)]
pub fn input_panel(p: &InputPanelProps) -> Html {
    let lang = p.lang;
    let dragging = use_state(|| false);
    let scan = ScanHandle {
        view: use_state(|| ScanView::Idle),
        control: (*use_state(|| Rc::new(ScanControl::default()))).clone(),
    };
    let on_cancel = {
        let control = scan.control.clone();
        Callback::from(move |()| control.cancel())
    };
    // "Add another input" moves the focus to the new box (once it is rendered).
    let focus_new = use_mut_ref(|| false);
    let on_add = {
        let dispatch = p.dispatch.clone();
        let focus_new = focus_new.clone();
        Callback::from(move |_| {
            *focus_new.borrow_mut() = true;
            dispatch.emit(Action::AddInput)
        })
    };
    {
        let focus_new = focus_new.clone();
        use_effect_with(p.inputs.len(), move |len| {
            if std::mem::take(&mut *focus_new.borrow_mut()) {
                crate::dom::focus(&format!("input-{}", len.saturating_sub(1)));
            }
        });
    }
    let on_clear = {
        let dispatch = p.dispatch.clone();
        let remember = p.remember;
        Callback::from(move |_| {
            if remember {
                crate::dom::remove(crate::dom::session(), "mysql-advisor.inputs");
            }
            dispatch.emit(Action::Clear)
        })
    };
    let on_choose = {
        let dispatch = p.dispatch.clone();
        let scan = scan.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_files(input.files(), dispatch.clone(), scan.clone(), lang);
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dispatch = p.dispatch.clone();
        let scan = scan.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = e.data_transfer().and_then(|dt| dt.files());
            if files.as_ref().is_some_and(|f| f.length() > 0) {
                read_files(files, dispatch.clone(), scan.clone(), lang);
            } else if let Some(text) = e.data_transfer().and_then(|dt| dt.get_data("text/plain").ok()) {
                dispatch.emit(Action::AddFile {
                    name: t(lang, k::UI_DROPPED_TEXT),
                    text,
                    file_lines: Vec::new(),
                    file_map: None,
                });
            }
        })
    };
    let several = p.inputs.len() > 1;
    let on_undo = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Undo))
    };
    let undo_note = p.undo.map(|kind| match kind {
        UndoKind::Example => t(lang, k::UI_UNDO_EXAMPLE),
        UndoKind::Clear => t(lang, k::UI_UNDO_CLEAR),
    });
    html! {
        <section class={classes!("inputs", dragging.then_some("dragging"))} aria-label={t(lang, k::UI_INPUTS_LABEL)}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <p class="undo-note" role="status" hidden={undo_note.is_none()}>
                if let Some(note) = undo_note {
                    { note }{ " " }
                    <button type="button" class="button small" id="undo" onclick={on_undo}>{ t(lang, k::UI_UNDO) }</button>
                }
            </p>
            { for p.inputs.iter().enumerate().map(|(index, doc)| html! {
                <InputBox key={doc.id} {index} doc={doc.clone()} report={p.report.clone()} {lang}
                    dispatch={p.dispatch.clone()} removable={several} />
            }) }
            <div class="input-actions">
                <button type="button" class="button" id="add-input" onclick={on_add}>{ t(lang, k::UI_ADD_INPUT) }</button>
                <label class="button file-button">
                    { t(lang, k::UI_CHOOSE_FILES) }
                    <input type="file" multiple=true class="visually-hidden" onchange={on_choose}
                        aria-label={t(lang, k::UI_CHOOSE_FILES)} />
                </label>
                <button type="button" class="button danger" id="clear" onclick={on_clear}>{ t(lang, k::UI_CLEAR) }</button>
            </div>
            <p class="drop-hint">{ t(lang, k::UI_DROP_HINT) }</p>
            if p.remember {
                <p class="storage-note" id="storage-note">{ t(lang, k::UI_STORAGE_NOTE) }</p>
            }
            <LogScan view={(*scan.view).clone()} {lang} {on_cancel} />
        </section>
    }
}
