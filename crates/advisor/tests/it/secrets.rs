//! Secrets are never shown back (issue 18): every form a DBA pastes, in every output (JSON, text,
//! Markdown) and both languages, including what sits outside the report body (input names).
//!
//! A secret is "shown" when any run of three or more letters and digits of it appears in an
//! output: masking that stops at a `(`, a `,` or a line break shows the rest, and the whole-string
//! check alone would miss it.

use advisor::{Input, Lang, Options, analyze_with, mask_secrets, render};

/// The runs of letters and digits of `secret` that are long enough to recognise.
fn pieces(secret: &str) -> Vec<&str> {
    secret.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| p.len() >= 3).collect()
}

/// Every output of `inputs` in both languages.
fn outputs(inputs: &[Input]) -> Vec<String> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let r = analyze_with(inputs, &Options { lang });
        out.push(r.to_json());
        out.push(render::markdown(&r));
        out.push(render::text(&r, &render::TextOptions { color: false }));
        out.push(render::text(&r, &render::TextOptions { color: true }));
    }
    out
}

#[track_caller]
fn never_shown(case: &str, inputs: &[Input], secrets: &[&str]) {
    for out in outputs(inputs) {
        for s in secrets {
            for p in pieces(s) {
                assert!(!out.contains(p), "{case}: {p:?} of secret {s:?} is shown:\n{out}");
            }
        }
    }
}

/// One pasted text, named `input 1`: neither the report nor the masked input (what a front end
/// shows beside it) holds the secret.
#[track_caller]
fn pasted(case: &str, text: &str, secrets: &[&str]) {
    let masked = mask_secrets(text);
    for s in secrets {
        for p in pieces(s) {
            assert!(!masked.contains(p), "{case}: {p:?} of secret {s:?} is not masked:\n{masked}");
        }
    }
    never_shown(case, &[Input::new("input 1", text)], secrets);
}

/// Masking takes the secret, not the text around it.
#[track_caller]
fn still_shows(text: &str, visible: &str) {
    let masked = mask_secrets(text);
    assert!(masked.contains(visible), "{visible:?} is gone from:\n{masked}");
}

#[test]
fn special_characters_do_not_end_the_mask() {
    pasted(
        "unit Environment= with (",
        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1 MYSQL_PWD=Xq7(Zr9)Km2\nExecStart=/usr/sbin/mysqld\n",
        &["Xq7(Zr9)Km2"],
    );
    pasted(
        "docker run -e with , } ]",
        "$ docker run -d --name db -e MYSQL_ROOT_PASSWORD=Xq7,Zr9}Km2]Wv4 mysql:8.0.36\n",
        &["Xq7,Zr9}Km2]Wv4"],
    );
    pasted(
        "option file value with ; & '",
        "[mysqld]\nserver_id = 2\n[client]\npassword = Xq7;Zr9&Km2'Wv4\n",
        &["Xq7;Zr9&Km2'Wv4"],
    );
    pasted(
        "compose list with quote in value",
        "services:\n  db:\n    image: mysql:8.0\n    environment:\n      - MYSQL_ROOT_PASSWORD=Xq7\"Zr9,Km2\n",
        &["Xq7\"Zr9,Km2"],
    );
    pasted("URL with @ in the password", "mysql://root:Xq7@Zr9@db1:3306/app\n", &["Xq7@Zr9"]);
}

#[test]
fn a_fix_keeps_the_quoting_and_never_rebuilds_a_secret() {
    let unit = "# /usr/lib/systemd/system/mysqld.service\n[Unit]\nDescription=MySQL Server\n\n[Service]\nType=notify\nUser=mysql\nEnvironment=\"MYSQL_PWD=correct horse battery\"\nExecStart=/usr/sbin/mysqld\nRestart=on-failure\nRestartPreventExitStatus=1 16\n";
    pasted("Environment= quoted with spaces", unit, &["correct horse battery"]);
    // The effective settings show the assignment as one quoted word, value masked.
    let r = analyze_with(&[Input::new("mysqld.service", unit)], &Options::default());
    let fixes: String = r.findings.iter().flat_map(|f| &f.fixes).map(|f| f.text.as_str()).collect();
    if fixes.contains("MYSQL_PWD") {
        assert!(fixes.contains("\"MYSQL_PWD=****\""), "the assignment lost its quotes:\n{fixes}");
    }
}

#[test]
fn a_secret_on_the_next_line() {
    pasted(
        "IDENTIFIED BY wrapped in mysql>",
        "mysql> CREATE USER 'repl'@'%'\n    -> IDENTIFIED BY\n    -> 'Xq7Zr9Km2';\nQuery OK, 0 rows affected (0.01 sec)\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "IDENTIFIED BY wrapped in a script",
        "CREATE USER 'repl'@'%'\n  IDENTIFIED WITH caching_sha2_password BY\n  'Xq7Zr9Km2';\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "SOURCE_PASSWORD= wrapped",
        "mysql> CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_USER='repl', SOURCE_PASSWORD=\n    -> 'Xq7Zr9Km2', SOURCE_AUTO_POSITION=1 FOR CHANNEL 'ch1';\nQuery OK, 0 rows affected, 1 warning (0.02 sec)\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "YAML folded block scalar",
        "services:\n  db:\n    image: mysql:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: >-\n        Xq7Zr9Km2\n      MYSQL_DATABASE: app\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "YAML literal block scalar",
        "services:\n  db:\n    image: mysql:8.0\n    environment:\n      MYSQL_PASSWORD: |\n        Xq7Zr9Km2\n        Wv4Ty6Lp8\n",
        &["Xq7Zr9Km2", "Wv4Ty6Lp8"],
    );
    pasted(
        "Kubernetes env in flow style",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: mysql-0\nspec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env: [{name: MYSQL_ROOT_PASSWORD, value: Xq7Zr9Km2}, {name: MYSQL_DATABASE, value: app}]\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "Kubernetes env item in flow style",
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env:\n    - {name: MYSQL_ROOT_PASSWORD, value: \"Xq7Zr9Km2\"}\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "Kubernetes env with value: before name:",
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env:\n    - value: Xq7Zr9Km2\n      name: MYSQL_ROOT_PASSWORD\n    - name: MYSQL_DATABASE\n      value: app\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "Kubernetes env with a comment between name: and value:",
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env:\n    - name: MYSQL_ROOT_PASSWORD\n      # rotated by ops\n      value: Xq7Zr9Km2\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "kubectl -o json env with value before name",
        "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"spec\": {\n        \"containers\": [\n            {\n                \"env\": [\n                    {\n                        \"value\": \"Xq7Zr9Km2\",\n                        \"name\": \"MYSQL_ROOT_PASSWORD\"\n                    }\n                ],\n                \"image\": \"mysql:8.0.36\",\n                \"name\": \"mysql\"\n            }\n        ]\n    }\n}\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "command: list item -p",
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    livenessProbe:\n      exec:\n        command:\n        - mysqladmin\n        - ping\n        - -uroot\n        - -pXq7Zr9Km2\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "docker inspect healthcheck, one word per line",
        "[\n    {\n        \"Id\": \"4f1e9c7b2d0a\",\n        \"Config\": {\n            \"Healthcheck\": {\n                \"Test\": [\n                    \"CMD\",\n                    \"mysqladmin\",\n                    \"ping\",\n                    \"-uroot\",\n                    \"-pXq7Zr9Km2\"\n                ]\n            },\n            \"Image\": \"mysql:8.0.36\"\n        }\n    }\n]\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "docker --health-cmd across a continuation",
        "$ docker run -d --name db \\\n    --health-cmd=\"mysqladmin ping -uroot \\\n    -pXq7Zr9Km2\" \\\n    mysql:8.0.36\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "docker --health-cmd with -p split by a continuation",
        "$ docker run -d --name db --health-cmd='mysqladmin ping -uroot -p\\\nXq7Zr9Km2' mysql:8.0.36\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "Environment= across a continuation",
        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1 \\\n  \"MYSQL_PWD=Xq7 Zr9Km2\" \\\n  LANG=C\nExecStart=/usr/sbin/mysqld\n",
        &["Xq7 Zr9Km2"],
    );
    pasted(
        "ExecStart= with a client across a continuation",
        "[Service]\nExecStartPost=/usr/bin/mysql -uroot \\\n  -pXq7Zr9Km2 -e 'SELECT 1'\nExecStart=/usr/sbin/mysqld\n",
        &["Xq7Zr9Km2"],
    );
}

#[test]
fn the_server_echoing_it() {
    pasted(
        "ERROR 1064 near '…'",
        "mysql> CREATE USER 'app'@'%' IDENTIFIED BY Xq7Zr9Km2;\nERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'Xq7Zr9Km2' at line 1\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "ERROR 1064 after a quoted secret elsewhere",
        "$ mysql -uroot -p'Xq7Zr9Km2' -e \"CLONE INSTANCE FROM 'root'@'db1':3306 IDENTIFIED BY 'Xq7Zr9Km2' DATA\"\nERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'Xq7Zr9Km2' DATA' at line 1\n",
        &["Xq7Zr9Km2"],
    );
}

#[test]
fn commands_in_every_spelling() {
    pasted("pipe without a space", "$ cat x.sql|mysql -uroot -pXq7Zr9Km2 app\n", &["Xq7Zr9Km2"]);
    pasted("a variable naming the client", "$ \"$MYSQL\" -uroot -pXq7Zr9Km2 -e 'SELECT 1'\n", &["Xq7Zr9Km2"]);
    pasted("${MYSQL_CMD}", "+ ${MYSQL_CMD} -uroot -pXq7Zr9Km2 -e 'SELECT 1'\n", &["Xq7Zr9Km2"]);
    pasted("bundled short options", "$ mysql -vvpXq7Zr9Km2 -e 'SELECT 1'\n", &["Xq7Zr9Km2"]);
    pasted("subshell", "$ echo $(mysql -uroot -pXq7Zr9Km2 -Nse 'SELECT 1')\n", &["Xq7Zr9Km2"]);
    pasted(
        "mysqladmin after sudo",
        "$ sudo -u mysql mysqladmin -uroot --password=Xq7(Zr9 shutdown\n",
        &["Xq7(Zr9"],
    );
}

#[test]
fn sql_in_every_spelling() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "SET PASSWORD … REPLACE",
            "mysql> SET PASSWORD = 'Xq7Zr9Km2' REPLACE 'Wv4Ty6Lp8';\n",
            &["Xq7Zr9Km2", "Wv4Ty6Lp8"],
        ),
        (
            "SET PASSWORD FOR … REPLACE … RETAIN",
            "mysql> SET PASSWORD FOR 'app'@'%' = 'Xq7Zr9Km2' REPLACE 'Wv4Ty6Lp8' RETAIN CURRENT PASSWORD;\n",
            &["Xq7Zr9Km2", "Wv4Ty6Lp8"],
        ),
        ("N'…' introducer", "mysql> ALTER USER 'app'@'%' IDENTIFIED BY N'Xq7Zr9Km2';\n", &["Xq7Zr9Km2"]),
        (
            "_utf8mb4'…' introducer",
            "mysql> ALTER USER 'app'@'%' IDENTIFIED BY _utf8mb4'Xq7Zr9Km2';\n",
            &["Xq7Zr9Km2"],
        ),
        ("OLD_PASSWORD('…')", "mysql> SELECT OLD_PASSWORD('Xq7Zr9Km2');\n", &["Xq7Zr9Km2"]),
        ("PASSWORD('…')", "mysql> SELECT PASSWORD('Xq7Zr9Km2');\n", &["Xq7Zr9Km2"]),
        (
            "CREATE SERVER … OPTIONS (PASSWORD '…')",
            "mysql> CREATE SERVER s1 FOREIGN DATA WRAPPER mysql OPTIONS (USER 'remote', HOST '10.0.0.2', DATABASE 'db', PASSWORD 'Xq7Zr9Km2');\n",
            &["Xq7Zr9Km2"],
        ),
        ("IDENTIFIED/**/BY", "mysql> CREATE USER 'app'@'%' IDENTIFIED/**/BY 'Xq7Zr9Km2';\n", &["Xq7Zr9Km2"]),
        (
            "a non-breaking space before BY",
            "mysql> CREATE USER 'app'@'%' IDENTIFIED\u{a0}BY 'Xq7Zr9Km2';\n",
            &["Xq7Zr9Km2"],
        ),
        (
            "adjacent string literals",
            "mysql> CREATE USER 'app'@'%' IDENTIFIED BY 'Xq7Zr9' 'Km2Wv4' \"Ty6Lp8\";\n",
            &["Xq7Zr9", "Km2Wv4", "Ty6Lp8"],
        ),
        (
            "a comment between BY and the string",
            "CREATE USER 'app'@'%' IDENTIFIED BY /* rotated */ 'Xq7Zr9Km2';\n",
            &["Xq7Zr9Km2"],
        ),
        (
            "START REPLICA … PASSWORD=",
            "mysql> START REPLICA USER='repl' PASSWORD='Xq7Zr9Km2' FOR CHANNEL 'ch1';\n",
            &["Xq7Zr9Km2"],
        ),
        (
            "CLONE … IDENTIFIED BY",
            "mysql> CLONE INSTANCE FROM 'donor'@'db1':3306 IDENTIFIED BY 'Xq7Zr9Km2';\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n",
            &["Xq7Zr9Km2"],
        ),
    ];
    for (case, text, secrets) in cases {
        pasted(case, text, secrets);
    }
}

#[test]
fn keys_that_hold_secrets() {
    pasted(
        "mysqld-auto.cnf: keyring_hashicorp_secret_id",
        "{\"Version\": 2, \"mysql_server\": {\"keyring_hashicorp_secret_id\": {\"Value\": \"Xq7Zr9Km2\", \"Metadata\": {\"Host\": \"localhost\", \"User\": \"root\", \"Timestamp\": 1710236400000000}}, \"mysql_server_static_options\": {\"relay_log_recovery\": {\"Value\": \"ON\", \"Metadata\": {\"Host\": \"\", \"User\": \"root\", \"Timestamp\": 1710236400000000}}}}}\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "mysqld-auto.cnf sorted by jq -S (Value after Metadata)",
        "{\n  \"Version\": 2,\n  \"mysql_server\": {\n    \"mysql_server_static_options\": {\n      \"replication_sender_password\": {\n        \"Metadata\": {\n          \"Host\": \"localhost\",\n          \"Timestamp\": 1710236400000000,\n          \"User\": \"root\"\n        },\n        \"Value\": \"Xq7Zr9Km2\"\n      }\n    }\n  }\n}\n",
        &["Xq7Zr9Km2"],
    );
    pasted(
        "MYSQL_PASS",
        "$ docker run -d -e MYSQL_PASS=Xq7Zr9Km2 -e REPLICATION_PASS=Wv4Ty6Lp8 mysql:8.0.36\n",
        &["Xq7Zr9Km2", "Wv4Ty6Lp8"],
    );
    pasted(
        "camelCase keys in an operator's resource",
        "apiVersion: mysql.oracle.com/v2\nkind: InnoDBCluster\nspec:\n  rootUser: root\n  rootPassword: Xq7Zr9Km2\n  replicationPassword: \"Wv4Ty6Lp8\"\n",
        &["Xq7Zr9Km2", "Wv4Ty6Lp8"],
    );
    pasted("skip-password=", "[mysqld]\nserver_id = 2\n[client]\nskip-password=Xq7Zr9Km2\n", &["Xq7Zr9Km2"]);
    pasted(
        "a vault token",
        "$ cat /etc/mysql/keyring_vault.conf\nvault_url = https://vault.example:8200\nsecret_mount_point = mysql\ntoken = s.Xq7Zr9Km2Wv4\n",
        &["s.Xq7Zr9Km2Wv4"],
    );
}

#[test]
fn parse_problems_do_not_quote_it() {
    pasted(
        "option line without =",
        "[mysqld]\nserver_id = 2\n\n[client]\npassword Xq7Zr9Km2\n",
        &["Xq7Zr9Km2"],
    );
}

#[test]
fn names_outside_the_report_body() {
    never_shown(
        "a file named after a password",
        &[Input::new("password=Xq7Zr9Km2.cnf", "[mysqld]\nserver_id = 2\nrelay_log_recovery = OFF\n")],
        &["Xq7Zr9Km2"],
    );
    never_shown(
        "an input named with a URL",
        &[Input::new("mysql://root:Xq7Zr9Km2@db1/app", "[mysqld]\nrelay_log_recovery = OFF\n")],
        &["Xq7Zr9Km2"],
    );
}

#[test]
fn a_secret_seen_once_is_masked_everywhere() {
    // The password is in the unit; the same characters in another input's name (no key there to
    // say it is a secret) are masked too, in `inputs[].name` and wherever evidence names it.
    never_shown(
        "a value echoed in another input's name",
        &[
            Input::new(
                "mysqld.service",
                "[Service]\nEnvironment=MYSQL_PWD=Xq7Zr9Km2\nExecStart=/usr/sbin/mysqld\n",
            ),
            Input::new(
                "backup-Xq7Zr9Km2.cnf",
                "[mysqld]\nrelay_log_recovery = OFF\nrelay_log_info_repository = FILE\n",
            ),
        ],
        &["Xq7Zr9Km2"],
    );
    // Not by chance: the same name beside an input without the secret is shown as it is.
    let r = analyze_with(
        &[Input::new("backup-Xq7Zr9Km2.cnf", "[mysqld]\nrelay_log_recovery = OFF\n")],
        &Options::default(),
    );
    assert!(r.to_json().contains("backup-Xq7Zr9Km2.cnf"));
}

#[test]
fn masking_keeps_what_is_not_a_secret() {
    still_shows(
        "[mysqld]\nrelay_log_recovery = OFF\ndefault_authentication_plugin = mysql_native_password\n",
        "mysql_native_password",
    );
    still_shows(
        "mysql> CREATE USER 'app'@'%' IDENTIFIED BY 'Xq7Zr9Km2';\n",
        "CREATE USER 'app'@'%' IDENTIFIED BY '****'",
    );
    still_shows(
        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1 MYSQL_PWD=Xq7Zr9Km2\nExecStart=/usr/sbin/mysqld\n",
        "MYSQLD_PARENT_PID=1",
    );
}

/// Punctuation a secret may hold wherever it is quoted (and in option files, SQL strings, JSON).
const ANY: &str = "!#%&()*+,-./:;<=>?@[]^_{|}~";
/// Punctuation that stays inside one unquoted shell or `docker -e` word.
const SHELL: &str = "%+,-./:=@^_~";
/// Punctuation that a URL's password part and a YAML flow scalar may hold unescaped.
const PLAIN: &str = "-._~!*+";

/// Every supported form of a secret: `(name, punctuation allowed, template)`. `{s}` is the
/// secret; `{w}` a place where the form may wrap (a line break with the form's continuation).
const FORMS: &[(&str, &str, &str)] = &[
    ("option file", ANY, "[mysqld]\nserver_id = 2\n[client]\nuser = root\npassword = {s}\n"),
    ("option file, quoted", ANY, "[client]\npassword = \"{s}\"\nport = 3306\n"),
    ("option file, loose- and replication", ANY, "[mysqld]\nloose-group_replication_recovery_password={s}\n"),
    ("my_print_defaults", SHELL, "$ my_print_defaults client\n--user=root\n--password={s}\n"),
    (
        "unit Environment=",
        SHELL,
        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1 MYSQL_PWD={s}\nExecStart=/usr/sbin/mysqld\n",
    ),
    (
        "unit Environment=, quoted",
        ANY,
        "[Service]\nEnvironment=\"MYSQL_PWD={s} x\" LANG=C\nExecStart=/usr/sbin/mysqld\n",
    ),
    (
        "unit Environment=, continued",
        SHELL,
        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1{w}MYSQL_PWD={s}\nExecStart=/usr/sbin/mysqld\n",
    ),
    (
        "unit ExecStartPost=",
        SHELL,
        "[Service]\nExecStart=/usr/sbin/mysqld\nExecStartPost=/usr/bin/mysqladmin -uroot{w}-p{s} ping\n",
    ),
    ("docker run -e", SHELL, "$ docker run -d --name db{w}-e MYSQL_ROOT_PASSWORD={s} mysql:8.0.36\n"),
    ("docker run -e, quoted", ANY, "$ docker run -d --name db -e \"MYSQL_ROOT_PASSWORD={s}\" mysql:8.0.36\n"),
    (
        "compose environment map",
        ANY,
        "services:\n  db:\n    image: mysql:8.0.36\n    environment:\n      MYSQL_ROOT_PASSWORD: \"{s}\"\n",
    ),
    (
        "compose environment list",
        SHELL,
        "services:\n  db:\n    image: mysql:8.0.36\n    environment:\n      - MYSQL_PASSWORD={s}\n",
    ),
    (
        "compose block scalar",
        ANY,
        "services:\n  db:\n    image: mysql:8.0.36\n    environment:\n      MYSQL_ROOT_PASSWORD: |-\n        {s}\n      TZ: UTC\n",
    ),
    (
        "kubernetes env",
        ANY,
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env:\n    - name: MYSQL_ROOT_PASSWORD\n      value: \"{s}\"\n",
    ),
    (
        "kubernetes env, value first",
        ANY,
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env:\n    - value: '{s}'\n      # from the vault\n      name: MYSQL_PWD\n",
    ),
    (
        "kubernetes env, flow",
        PLAIN,
        "spec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env: [{name: MYSQL_ROOT_PASSWORD, value: {s}}]\n",
    ),
    (
        "kubernetes probe command",
        SHELL,
        "    livenessProbe:\n      exec:\n        command:\n        - mysqladmin\n        - ping\n        - -p{s}\n",
    ),
    (
        "kubectl json env",
        ANY,
        "{\n  \"env\": [\n    {\n      \"name\": \"MYSQL_ROOT_PASSWORD\",\n      \"value\": \"{s}\"\n    }\n  ]\n}\n",
    ),
    (
        "mysqld-auto.cnf",
        ANY,
        "{\"Version\": 2, \"mysql_server\": {\"replication_sender_password\": {\"Metadata\": {\"User\": \"root\"}, \"Value\": \"{s}\"}}}\n",
    ),
    (
        "CREATE USER",
        ANY,
        "mysql> CREATE USER 'repl'@'%'{w}IDENTIFIED BY{w}'{s}';\nQuery OK, 0 rows affected (0.01 sec)\n",
    ),
    ("ALTER USER … REPLACE", ANY, "mysql> ALTER USER USER() IDENTIFIED BY 'Aa1{s}'{w}REPLACE '{s}';\n"),
    (
        "CHANGE REPLICATION SOURCE",
        ANY,
        "mysql> CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1',{w}SOURCE_PASSWORD='{s}'{w}FOR CHANNEL 'ch1';\n",
    ),
    (
        "CLONE INSTANCE",
        ANY,
        "mysql> CLONE INSTANCE FROM 'donor'@'db1':3306{w}IDENTIFIED BY '{s}';\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n",
    ),
    ("SET PASSWORD", ANY, "mysql> SET PASSWORD FOR 'app'@'%' ={w}'{s}';\n"),
    ("client -p'…'", ANY, "$ mysql -uroot -p'{s}' -e 'SELECT 1'\n"),
    ("client -p…", SHELL, "$ mysql -h db1{w}-uroot -p{s} -e 'SELECT 1'\n"),
    ("client, bundled short options", SHELL, "$ mysql -vvp{s} -e 'SELECT 1'\n"),
    ("client named by a variable, after a pipe", SHELL, "$ cat x.sql|\"$MYSQL\" -uroot{w}-p{s} app\n"),
    ("client --password=", SHELL, "$ mysqldump --user=root --password={s} --all-databases > all.sql\n"),
    ("mysqlsh URI", PLAIN, "$ mysqlsh root:{s}@db1:3306 -- cluster status\n"),
    ("URL", PLAIN, "DATABASE_URL=mysql://app:{s}@db1:3306/app\n"),
];

/// The wraps a form may take at `{w}`: none, a `\` continuation (units, shell), the `mysql`
/// client's `->` prompt (SQL) and a plain line break (SQL scripts).
fn wrap(form: &str, w: usize) -> &'static str {
    let sql = form.contains("USER")
        || form.contains("SOURCE")
        || form.contains("CLONE")
        || form.contains("PASSWORD");
    match (w, sql) {
        (0, _) => " ",
        (_, false) => " \\\n  ",
        (1, true) => "\n    -> ",
        (_, true) => "\n  ",
    }
}

/// The secret as the form writes it: SQL doubles its quote, JSON escapes.
fn written(template: &str, s: &str) -> String {
    if template.contains("\"value\"") || template.contains("\"Value\"") {
        s.replace('\\', "\\\\").replace('"', "\\\"")
    } else {
        s.to_owned()
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 96, ..Default::default() })]

    /// Issue 18's property: a secret of random letters, digits and punctuation, in every form,
    /// wrapped or not, never appears in any output in either language, nor in the masked input.
    #[test]
    fn a_generated_secret_never_appears(
        form in 0..FORMS.len(),
        parts in proptest::collection::vec("[A-Za-z0-9]{3,5}", 3),
        punct in proptest::collection::vec(0usize..64, 2),
        w in 0usize..3,
        space in proptest::bool::ANY,
    ) {
        let (name, allowed, template) = FORMS[form];
        let p: Vec<char> = allowed.chars().collect();
        let pick = |i: usize| p[punct[i] % p.len()];
        // Quoted forms may hold a blank too.
        let blank = if space && std::ptr::eq(allowed, ANY) && !template.contains("{w}") { " " } else { "" };
        let secret = format!("Qz{}{}Jx{}{blank}{}Kv{}", parts[0], pick(0), parts[1], pick(1), parts[2]);
        let text = template.replace("{w}", wrap(template, w)).replace("{s}", &written(template, &secret));
        let masked = mask_secrets(&text);
        for piece in pieces(&secret) {
            proptest::prop_assert!(!masked.contains(piece), "{}: {:?} not masked in\n{}", name, piece, masked);
        }
        for out in outputs(&[Input::new("input 1", text.as_str())]) {
            for piece in pieces(&secret) {
                proptest::prop_assert!(!out.contains(piece), "{}: {:?} shown in\n{}", name, piece, out);
            }
        }
    }
}

/// supervisord's `environment=` and OpenRC's `-e` / `export` lines: the values are masked in the
/// report, in the launcher fixes that repeat the section, and in the masked input.
#[test]
fn launcher_files() {
    let conf = "[program:mysqld]\ncommand=/usr/sbin/mysqld --user=mysql\nenvironment=MYSQL_ROOT_PASSWORD=\"Sup3rv1s0r-Pw\",TZ=\"UTC\"\nautorestart=true\n";
    never_shown(
        "supervisord environment=",
        &[Input::new("/etc/supervisor/conf.d/mysqld.conf", conf)],
        &["Sup3rv1s0r-Pw"],
    );
    pasted("supervisord environment= pasted", conf, &["Sup3rv1s0r-Pw"]);
    let openrc = "#!/sbin/openrc-run\nsupervisor=supervise-daemon\ncommand=\"/usr/sbin/mysqld\"\nsupervise_daemon_args=\"-e MYSQL_PWD=0penRC-Pw\"\n";
    never_shown("OpenRC -e", &[Input::new("/etc/init.d/mysql", openrc)], &["0penRC-Pw"]);
    let run = "#!/bin/sh\nexport MYSQL_PWD='RunF1le-Pw'\nexec chpst -u mysql /usr/sbin/mysqld\n";
    never_shown("run file export", &[Input::new("/etc/sv/mysql/run", run)], &["RunF1le-Pw"]);
}

/// Images and their definitions (issue 13, part B): a Dockerfile's `ENV` in both forms, a
/// `docker run -e` that a fix rebuilds, a Kubernetes `env` in flow style, an entrypoint script —
/// none of their passwords comes back, not even in the rebuilt command or manifest.
#[test]
fn images_and_their_fixes() {
    let dockerfile = "FROM mysql:8.0.36\nENV MYSQL_ROOT_PASSWORD=Zq81xQ-pw1\nENV MYSQL_PASSWORD Kv27wR-pw2\n";
    let run = "$ docker run -d --name db -e MYSQL_ROOT_PASSWORD=Jt93mL-pw3 acme/mysql:8.0.36\n";
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n    env: [{name: MYSQL_ROOT_PASSWORD, value: Hn44pS-pw4}]\n";
    let script = "#!/bin/sh\nexport MYSQL_ROOT_PASSWORD='Gb55rT-pw5'\nexec \"$@\"\n";
    never_shown(
        "image inputs",
        &[
            Input::new("Dockerfile", dockerfile),
            Input::new("docker run", run),
            Input::new("pod.yaml", pod),
            Input::new("/usr/local/bin/docker-entrypoint.sh", script),
        ],
        &["Zq81xQ-pw1", "Kv27wR-pw2", "Jt93mL-pw3", "Hn44pS-pw4", "Gb55rT-pw5"],
    );
    let manifest = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n      - name: mysql\n        image: mysql:8.0.36\n        env:\n        - name: MYSQL_ROOT_PASSWORD\n          value: Fc66yU-pw6\n";
    never_shown("manifest fix", &[Input::new("db.yaml", manifest)], &["Fc66yU-pw6"]);
    pasted("Dockerfile pasted", dockerfile, &["Zq81xQ-pw1", "Kv27wR-pw2"]);
}
