# core messages (en)
#
# Glossary — one term per concept, in every catalog and rule doc of this language (the zh-CN
# catalog's core.ftl has the same list; tests/it/registry.rs checks the zh-CN side):
#   clone            the operation (CLONE INSTANCE / CLONE LOCAL); "the clone plugin"
#   donor / recipient  the server cloned from / the server that receives the data
#   crash-safe       adjective, hyphenated; the noun is "crash safety"
#   replica / source  never slave / master, except in the names of variables, statements, columns
#   supervisor       what starts mysqld again after exit code 16 (systemd, mysqld_safe, …)
#   unit / drop-in   systemd's words, as systemd writes them
#   input            one pasted text or file; places read "input 1, line 12"
#   channel          a replication channel; the unnamed one is "the default channel"
core.note-lossy = Input "{input}" was not valid UTF-8; invalid bytes were replaced with U+FFFD.
doc.systemd-unit = systemd unit {name}
doc.systemctl-cat = systemctl cat {name}
doc.systemctl-show = systemctl show {name}
doc.option-file = option file {name}
doc.my-print-defaults = my_print_defaults output {name}
doc.mysqld-auto-cnf = mysqld-auto.cnf (SET PERSIST) {name}
doc.show-variables = SHOW VARIABLES {name}
doc.replica-status = SHOW REPLICA STATUS {name}
doc.connection-configuration = performance_schema.replication_connection_configuration {name}
doc.applier-configuration = performance_schema.replication_applier_configuration {name}
doc.clone-status = performance_schema.clone_status {name}
doc.clone-progress = performance_schema.clone_progress {name}
doc.variable-query = SELECT @@variables {name}
doc.query-result = query result {name}
doc.mysqld-version = version line {name}
doc.error-log = error log {name}
doc.client-error = client error {name}
doc.change-replication-source = CHANGE REPLICATION SOURCE statement {name}
doc.container = container definition {name}
doc.unrecognized = not recognised {name}
core.note-findings-omitted = {count} more `{rule}` findings (one per replication channel or place) were left out of this report; the first {kept} are shown.
core.note-findings-omitted-one = 1 more `{rule}` finding (one per replication channel or place) was left out of this report; the first {kept} are shown.
core.note-documents-omitted = {count} more documents in "{input}" were left out of the document list; the first {kept} are listed.
core.note-documents-omitted-one = 1 more document in "{input}" was left out of the document list; the first {kept} are listed.
core.reason-omitted = … and {count} more reasons, left out.
core.reason-omitted-one = … and 1 more reason, left out.
core.verdict-warnings-only = Cannot say for sure: what speaks against it is warnings only, no error (see the findings).
