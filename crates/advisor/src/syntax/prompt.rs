//! Shell and mysql client prompts in pasted terminal transcripts.

use crate::source::Source;
use crate::text::{TextRange, TrimWs};

/// [`command`] of line `i` of `src`, from a table computed once per source (the splitter and
/// three fact scans ask it of every line; issue 17, item 4).
pub(crate) fn at<'a>(src: &Source<'a>, i: usize) -> Option<&'a str> {
    let table = src.prompts.get_or_init(|| {
        // Not through `src.line`: the table is no reading of the splitter's (`Source::reach`).
        src.lines
            .iter()
            .map(|l| {
                let line = src.slice(l.range);
                command(line).map(|c| crate::text::subslice_range(line, c, l.range.start))
            })
            .collect::<Vec<Option<TextRange>>>()
    });
    table.get(i).copied().flatten().map(|r| src.slice(r))
}

/// If `line` is a prompt followed by a command, returns the command.
///
/// Recognised: `$ cmd`, `% cmd`, `user@host:~$ cmd`, `[root@db1 ~]# cmd`, `root@db1:/# cmd`,
/// `mysql> stmt`, `mysql [localhost] {root} ((none)) > stmt` (MySQL Shell / dbdeployer style),
/// `MySQL  localhost:3306 ssl  SQL > stmt` (also `JS >`, `Py >`, and with nothing typed after
/// it), MySQL Shell 1.0's `mysql-js> stmt` / `mysql-py> ` / `mysql-sql> ` (runtime-and-launchers
/// §4.1), Windows' `C:\> cmd` / `PS C:\Users\dba> cmd`, and the continuation prompt `    -> more`.
/// A bare `# /path` is **not** a prompt (that is a `systemctl cat` header).
pub(crate) fn command(line: &str) -> Option<&str> {
    // Runs several times on every line of every input: bytes only, and most lines are rejected
    // at their first byte (a prompt starts with one of `m M - $ %`, or its first word holds `@`
    // or starts with `[`).
    let start = line.bytes().position(|b| !b.is_ascii_whitespace()).unwrap_or(line.len());
    let t = &line[start..];
    let bytes = t.as_bytes();
    let first_end = bytes.iter().position(u8::is_ascii_whitespace).unwrap_or(bytes.len());
    let first = &bytes[..first_end];
    let user_host = first.first() == Some(&b'[') || first.contains(&b'@');
    // Windows: `C:\> sc qc MySQL80`, `PS C:\Users\dba> …` (cmd.exe and PowerShell).
    let win = t.strip_prefix("PS ").unwrap_or(t).as_bytes();
    if win.len() > 3 && win[0].is_ascii_alphabetic() && win[1] == b':' && win[2] == b'\\' {
        let w = t.strip_prefix("PS ").unwrap_or(t);
        if let Some(i) = w.find("> ") {
            return Some(w[i + 2..].trim_ws());
        }
    }
    if !user_host && !matches!(bytes.first(), Some(b'm' | b'M' | b'-' | b'$' | b'%')) {
        return None;
    }
    for p in
        ["mysql> ", "mariadb> ", "MariaDB> ", "-> ", "$ ", "% ", "mysql-js> ", "mysql-py> ", "mysql-sql> "]
    {
        if let Some(rest) = t.strip_prefix(p) {
            return Some(rest.trim_ws());
        }
    }
    if matches!(t, "mysql>" | "$" | "->" | "mysql-js>" | "mysql-py>" | "mysql-sql>") {
        return Some("");
    }
    // MariaDB's `MariaDB [(none)]> stmt`.
    if let Some(rest) = t.strip_prefix("MariaDB [")
        && let Some(i) = rest.find("]> ")
    {
        return Some(rest[i + 3..].trim_ws());
    }
    // MySQL Shell: `MySQL  localhost:3306 ssl  SQL > stmt`, `mysql [localhost] {root} ((none)) > stmt`.
    if (t.starts_with("MySQL ") || t.starts_with("mysql ["))
        && let Some(i) = t.find(" > ")
    {
        return Some(t[i + 3..].trim_ws());
    }
    // A Shell prompt with nothing typed: `MySQL  localhost:3306 ssl  JS >` (the mode word ends it).
    if t.starts_with("MySQL ") {
        let e = t.trim_end_ws();
        if let Some(head) = e.strip_suffix(" >")
            && matches!(head.rsplit(' ').next(), Some("JS" | "Py" | "SQL"))
        {
            return Some("");
        }
    }
    // `user@host:path$ cmd`, `[user@host path]$ cmd`, `root@host:/# cmd`.
    if user_host {
        for sep in ["$ ", "# "] {
            if let Some(i) = t.find(sep) {
                let head = &t[..i];
                let looks_like_prompt =
                    head.contains('@') && !head.contains('=') && !head.contains('"') && head.len() < 120;
                if looks_like_prompt {
                    return Some(t[i + 2..].trim_ws());
                }
            }
        }
    }
    None
}

/// The file arguments of a command that shows a file (`cat PATH`, `sudo less PATH`, with
/// `editors` also `vi`/`vim`/`nano PATH`): its words after the program that are not options. Empty
/// for any other command.
pub(crate) fn viewed_paths(cmd: &str, editors: bool) -> impl Iterator<Item = &str> {
    let mut words = cmd.split_whitespace().peekable();
    while words.peek().is_some_and(|w| *w == "sudo" || w.starts_with('-')) {
        words.next();
    }
    let shows = match words.next() {
        Some("cat" | "less" | "more" | "head" | "tail" | "bat" | "batcat") => true,
        Some("vi" | "vim" | "nano") => editors,
        _ => false,
    };
    words.filter(move |w| shows && !w.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::command;

    #[test]
    fn recognises_common_prompts() {
        assert_eq!(command("$ systemctl cat mysqld"), Some("systemctl cat mysqld"));
        assert_eq!(command("C:\\> sc qc MySQL80"), Some("sc qc MySQL80"));
        assert_eq!(command("PS C:\\Users\\dba> sc.exe qc MySQL80"), Some("sc.exe qc MySQL80"));
        assert_eq!(command("C:\\Program Files\\MySQL"), None);
        assert_eq!(command("[root@db1 ~]# systemctl show mysqld"), Some("systemctl show mysqld"));
        assert_eq!(command("ubuntu@db:~$ mysqld --version"), Some("mysqld --version"));
        assert_eq!(command("mysql> SHOW REPLICA STATUS\\G"), Some("SHOW REPLICA STATUS\\G"));
        assert_eq!(command("    -> FOR CHANNEL 'a';"), Some("FOR CHANNEL 'a';"));
        assert_eq!(command("MariaDB [(none)]> SELECT 1;"), Some("SELECT 1;"));
        assert_eq!(
            command(
                " MySQL  db1:3306 ssl  JS > cluster.addInstance('root@db2:3306', {recoveryMethod:'clone'})"
            ),
            Some("cluster.addInstance('root@db2:3306', {recoveryMethod:'clone'})")
        );
        assert_eq!(command("MySQL JS > dba.configureInstance()"), Some("dba.configureInstance()"));
        assert_eq!(
            command("mysql-js> cluster.addInstance('db2:3306')"),
            Some("cluster.addInstance('db2:3306')")
        );
        assert_eq!(
            command("mysql-py> cluster.add_instance('db2:3306')"),
            Some("cluster.add_instance('db2:3306')")
        );
        assert_eq!(command(" MySQL  db1:3306 ssl  JS > "), Some(""));
        assert_eq!(command(" MySQL  db1:3306 ssl  Py >"), Some(""));
    }

    #[test]
    fn leaves_content_alone() {
        assert_eq!(command("# /etc/systemd/system/mysqld.service"), None);
        assert_eq!(command("Environment=MYSQLD_PARENT_PID=1"), None);
        assert_eq!(command("[mysqld]"), None);
        assert_eq!(command("| Variable_name | Value |"), None);
        assert_eq!(command("MySQL Shell 8.0.36"), None);
        assert_eq!(command("MySQL Error 3707 (HY000): Restart server failed"), None);
        assert_eq!(command("2024-01-01T00:00:00.000000Z 0 [ERROR] [MY-013462] [Server] x"), None);
    }

    #[test]
    fn viewed_paths_are_the_shown_files() {
        let v = |c, e| crate::syntax::prompt::viewed_paths(c, e).collect::<Vec<_>>();
        assert_eq!(v("sudo cat -A /etc/a.conf", false), ["/etc/a.conf"]);
        assert_eq!(v("vim /etc/a.conf", false), Vec::<&str>::new());
        assert_eq!(v("vim /etc/a.conf", true), ["/etc/a.conf"]);
        assert_eq!(v("rm /etc/a.conf", true), Vec::<&str>::new());
    }
}
