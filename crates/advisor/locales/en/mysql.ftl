# mysql messages (en)
mysql.doc.replica-status-empty = {statement}: empty set (no replication channel configured)
mysql.doc.replica-status-default = {statement}, default channel
mysql.doc.replica-status-channel = {statement}, channel '{channel}'
mysql.doc.replica-status-many = {statement}, {count} channels
mysql.doc.replica-status-default-connection = {statement}, default connection
mysql.doc.replica-status-connection = {statement}, connection '{channel}'
mysql.doc.replica-status-many-connections = {statement}, {count} connections
mysql.doc.show-variables = SHOW VARIABLES, {count} variables
mysql.doc.channel-table = performance_schema.{table}, {count} channel rows
mysql.doc.channel-table-one = performance_schema.{table}, 1 channel row
mysql.doc.clone-status = performance_schema.clone_status
mysql.doc.clone-status-state = performance_schema.clone_status: {state}
mysql.doc.clone-progress = performance_schema.clone_progress, {count} stages
mysql.doc.variable-query = SELECT {columns}
mysql.doc.query-result = query result, {count} rows
mysql.problem.cell-count = This table row has {found} cells but the header has {expected} columns; the row was read as far as it goes.
mysql.problem.stray-line = This line is not a "Name: value" field of the \G output; it was skipped.
mysql.doc.server-version = {program} version {version}
mysql.doc.client-version = {program} client version {version}
mysql.doc.package-version = installed package {program} {version}
mysql.doc.error-log = error log, {count} lines, {errors} at ERROR level
mysql.doc.client-error = client error {code}: {message}
mysql.doc.change-source = {statement} statement
mysql.doc.change-source-channel = {statement} statement for channel '{channel}'
mysql.problem.option-without-value = The option {option} has no value after "=".
mysql.problem.option-syntax = "{word}" is not an option assignment (NAME = value); it was skipped.
mysql.problem.unterminated = The statement does not end with ";" or \G; it was read up to here.
mysql.doc.query-ok = Query OK (statement without a result set)
mysql.doc.query-ok-for = Query OK for {statement}
mysql.problem.duplicate-variable = {name} is listed again here; the last value listed counts.
mysql.problem.more-notes = … and {count} more like the notes above.
mysql.problem.value-with-tab = The value of {name} holds a tab (the client prints it as \t); the value was read to the end of the line.
mysql.problem.cut-off = The table seems cut off here: this last line has no value. The variables above it were read.
