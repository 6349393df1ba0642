# clone messages (en)

# --- shared -------------------------------------------------------------------------------------
clone.ref-remote = MySQL manual: Cloning Remote Data
clone.ref-restart = MySQL manual: RESTART statement
clone.ref-monitoring = MySQL manual: Monitoring Cloning Operations
clone.ref-failure = MySQL manual: Remote Cloning Operation Failure Handling
clone.ref-status-table = MySQL manual: the clone_status table
clone.ref-errors = MySQL error reference (server errors)
clone.ref-install = MySQL manual: Installing the Clone Plugin
clone.ref-variables = MySQL manual: Clone System Variables
clone.ref-limitations = MySQL manual: Clone Plugin Limitations
clone.ref-clone-plugin = MySQL manual: The Clone Plugin
clone.ref-mariabackup = MariaDB: mariabackup overview
clone.ref-mariadb-pr = MariaDB/server pull request #4248 (MDEV-36733, local clone)

clone.fix-start.title = Start the server (the first start finishes the clone)
clone.fix-start.generic =
    # start mysqld the way it is normally started, for example:
    sudo systemctl start mysqld      # or: mysql / mysql@<instance>
    docker start <container>         # containers
clone.fix-start.generic-reason = The input does not show how mysqld is run; pick the line that matches.
clone.fix-check-status.title = Check that the clone completed
clone.fix-install.title = Load the clone plugin now (persists across restarts)
clone.fix-install-donor.title = Load the clone plugin on the donor
clone.fix-plugin-load.title = Or load it at every start from the option file
clone.fix-plugin-load.reason = Read only at server start; INSTALL PLUGIN already registers the plugin permanently, so use one or the other.
clone.fix-donor-list.title = Allow the donor in clone_valid_donor_list (on the recipient)
clone.fix-donor-list.reason = Replaces the whole list: keep any other donors you need. Takes effect for the next CLONE, no restart.
clone.fix-donor-list.reason-placeholder = Replace donor.example.com:3306 with the donor's host and classic-protocol port, exactly as written in CLONE INSTANCE FROM.
clone.fix-packet.title = Raise max_allowed_packet (run on the donor and on the recipient)
clone.fix-packet.reason = Applies to new connections; run it on both servers, since the donor needs at least 2 MiB too.
clone.fix-packet-cnf.title = Or set it in the option file
clone.fix-packet-cnf.reason = Read at server start; SET PERSIST above already survives restarts.
clone.fix-grant.title = Grant {privilege} to the account that runs CLONE (on the recipient)
clone.fix-grant-donor.title = Grant {privilege} to the clone user on the donor
clone.fix-grant.reason = 'clone_user'@'%' is a placeholder: use the account named in the error or in CLONE INSTANCE FROM.
clone.fix-retry.title = Run the clone again
clone.fix-retry.reason = An in-place clone replaces all data on this server and restarts it. Fill in the user and the password.

# --- clone-restart-failed -------------------------------------------------------------------------
clone-restart-failed.name = Clone's automatic restart failed (ERROR 3707)
clone-restart-failed.passed-title = No failed clone restart (ERROR 3707) seen
clone-restart-failed.title = The clone succeeded, but the server shut down instead of restarting
clone-restart-failed.title-restart = RESTART failed: mysqld is not managed by a supervisor
clone-restart-failed.title-unknown = ERROR 3707: the server could not restart itself
clone-restart-failed.note-none = No ERROR 3707 and no MY-013462 line in the input.
clone-restart-failed.msg-clone =
    The clone itself succeeded: the donor's data was copied completely, and only the automatic restart at the end failed. Because the restart check failed, the server shut itself down (error log MY-013462) with exit code 0, a clean exit, so systemd does not bring it back, not even with Restart=on-failure. It stays down until someone starts it.
    Start it now:
    ```sh
    {start}
    ```
clone-restart-failed.msg-clone-container =
    The clone itself succeeded: the donor's data was copied completely, and only the automatic restart at the end failed. Because the restart check failed, the server shut itself down (error log MY-013462) with exit code 0, a clean exit, and the container stopped with it. A restart policy of on-failure or no does not bring a container back after a clean exit (always and unless-stopped would). Unless it is already running again, start it now:
    ```sh
    {start}
    ```
clone-restart-failed.msg-clone-short = The clone itself succeeded, but its automatic restart failed: the server shut itself down with exit code 0 and nothing restarted it.
clone-restart-failed.msg-started-completed = The clone_status pasted after it reads Completed: the server has been started since and the clone is done. What is left is the supervisor, so that the next clone restarts by itself.
clone-restart-failed.msg-started-failed = The clone_status pasted after it reads Failed: the server has been started since, but the clone's recovery failed (see clone-status-failed). The supervisor still needs fixing, so that the next clone restarts by itself.
clone-restart-failed.ev-completed = started since: the clone completed
clone-restart-failed.ev-failed = started since: recovery failed
clone-restart-failed.msg-check =
    The first start finishes the clone (recovery). Then check:
    ```sql
    SELECT STATE, ERROR_NO FROM performance_schema.clone_status;
    ```
    It must read Completed with ERROR_NO 0. Until that first start has finished recovery it reads In Progress; that is expected, not a failure.
clone-restart-failed.msg-restart =
    The RESTART statement was refused because mysqld is not managed by a supervisor (MYSQLD_PARENT_PID is not set to mysqld's parent PID). Nothing happened: unlike a clone, a failed RESTART leaves the server running. SHOW WARNINGS after it also lists a second message, "Restart server failed (Restart server failed).", for the same failure.
    The same check decides a clone's restart: an in-place CLONE INSTANCE on this server would copy the data and then shut the server down and leave it down.
clone-restart-failed.msg-unknown =
    If this error answered an in-place CLONE INSTANCE (no DATA DIRECTORY): the clone itself succeeded, and the server then shut itself down with exit code 0 and stays down until started. Start it:
    ```sh
    {start}
    ```
    If it answered a RESTART statement: nothing happened and the server is still running.
    The error log tells which: MY-013462 "Clone shutting down server as RESTART failed" is written only for the clone.
clone-restart-failed.msg-internal = The reason given is "Internal operation failure": the supervisor check passed, but mysqld could not signal itself to restart (on Windows, SetEvent failed; see MY-013181 in the error log). This is not a supervisor problem; look at the error log around this time.
clone-restart-failed.msg-in-progress = clone_status in the input still reads In Progress: the clone's recovery has not run yet, because the server has not been started since the clone (or the output was taken before it stopped).
clone-restart-failed.msg-supervisor = For next time, fix the supervisor so that exit code 16 restarts the server: see {rules} in this report.
clone-restart-failed.msg-supervisor-unknown = For next time, the supervisor must set MYSQLD_PARENT_PID to mysqld's parent PID and restart on exit code 16. Paste the unit (`systemctl cat {unit}`) to get the exact drop-in: the restart checks and the verdict on the clone's automatic restart then say what to change.
clone-restart-failed.msg-verdict = With the supervisor as pasted, the next in-place clone's automatic restart: {verdict}.
clone-restart-failed.ev-error-clone = the clone's error
clone-restart-failed.ev-error-restart = RESTART's error
clone-restart-failed.ev-error = the error
clone-restart-failed.ev-shutdown-log = the server shut itself down here (MY-013462)
clone-restart-failed.ev-clean-exit = the server exited cleanly here, right after the clone (exit code 0)
clone-restart-failed.ev-statement = the statement that got the error
clone-restart-failed.ev-restart-warning = second warning, written only by the RESTART statement
clone-restart-failed.ev-in-progress = still In Progress: recovery has not run yet

# --- clone-status-failed --------------------------------------------------------------------------
clone-status-failed.name = The last clone failed (clone_status)
clone-status-failed.passed-title = The last clone did not fail
clone-status-failed.title = The last clone failed with ERROR {code}
clone-status-failed.title-client = CLONE failed with ERROR {code}
clone-status-failed.title-pending = The clone is waiting for the server to be started
clone-status-failed.note-state = clone_status reads {state}.
clone-status-failed.note-none =
    No clone_status in the input. Run:
    ```sql
    SELECT * FROM performance_schema.clone_status\G
    ```
clone-status-failed.msg-status = performance_schema.clone_status records the last clone as failed, with ERROR_NO {code} ({name}).
clone-status-failed.msg-client = The CLONE statement failed with ERROR {code} ({name}).
clone-status-failed.msg-stage = It failed in the {stage} stage (clone_progress).
clone-status-failed.msg-data-kept = The recipient's own data was not touched (the clone failed before the DROP DATA stage, or cloned into a separate directory). Fix the cause and run CLONE again.
clone-status-failed.msg-data-dropped = Careful: the DROP DATA stage had started, so the recipient's own user data and binary logs were already removed (they are not saved), and the partly cloned data was rolled back. This server may now have no user data: fix the cause and run the clone again, or restore the server from a backup.
clone-status-failed.msg-data-unknown = Whether the recipient's own data is still there depends on the stage: a failure before DROP DATA leaves it untouched; once DROP DATA has started it is removed (not saved) and the server is left without user data. clone_progress shows which (SELECT STAGE, STATE FROM performance_schema.clone_progress;).
clone-status-failed.msg-pending =
    clone_status reads In Progress while the input also shows that the clone's restart failed (ERROR 3707 / MY-013462). This is not a failure: after a clone into the data directory the status stays In Progress until the server's next start finishes recovery. The server has not been started since the clone (or this output was taken before it stopped).
    Start the server, then query clone_status again: it must read Completed with ERROR_NO 0.
clone-status-failed.ev-state = clone_status STATE
clone-status-failed.ev-error-no = ERROR_NO
clone-status-failed.ev-error-message = ERROR_MESSAGE
clone-status-failed.ev-client-error = the same error, as the client showed it
clone-status-failed.ev-stage = the stage that failed
clone-status-failed.ev-pending = In Progress: recovery has not run yet
clone-status-failed.err-3862-connect = The recipient could not connect to the donor ({detail}). Check the host and port in CLONE INSTANCE FROM (the classic protocol port such as 3306, not mysqlx_port; MySQL Router is not supported), the network and firewall between the two servers, and the clone user's name and password on the donor.
clone-status-failed.err-3862-plugin = The donor does not have the clone plugin loaded (it answered 1524 "Plugin 'clone' is not loaded"). Both servers need it: install it on the donor.
clone-status-failed.err-3862-privilege = The donor refused the clone user ({detail}). The clone user on the donor needs the BACKUP_ADMIN privilege.
clone-status-failed.err-3862-other = The donor reported ERROR {errno}: {detail}. Look it up on the donor side (its error log has a matching MY-013272 line).
clone-status-failed.err-3862 = The donor reported an error: {detail}. The donor's error log has the details (MY-013272 / MY-013270 lines).
clone-status-failed.err-3863 = The recipient got an unexpected answer from the donor ({message}). This usually means the two sides do not speak the same clone protocol (mismatched versions) or the connection was cut; check both error logs (MY-013271).
clone-status-failed.err-3864 = The donor's and the recipient's versions do not allow a clone. Within 8.0 both must be the same release, or both 8.0.37 or later; from 8.1 on the same major.minor series is enough; never across series (8.0 ↔ 8.4).
clone-status-failed.err-3864-series = Donor {donor} and recipient {recipient} are different release series. Clone works only within one series (for example 8.4.0 and 8.4.11); you cannot clone between 8.0 and 8.4 or between 8.4 and 9.x. Upgrade one side to the other's series first.
clone-status-failed.err-3864-patch = Donor {donor} and recipient {recipient} are different 8.0 releases. Within 8.0, clone needs the exact same release unless both are 8.0.37 or later. Upgrade both to the same release, or both to 8.0.37 or later.
clone-status-failed.err-3864-versions = Donor {donor} and recipient {recipient}: the clone's version check refused this pair. Within 8.0 both must be the same release or both 8.0.37 or later; from 8.1 on the same major.minor is enough.
clone-status-failed.err-3865 = Donor and recipient run on different operating systems (version_compile_os): {message}. Clone needs the same OS on both sides.
clone-status-failed.err-3866 = Donor and recipient are built for different platforms (version_compile_machine): {message}. Clone needs the same hardware platform on both sides.
clone-status-failed.err-3867 = A collation used on the donor is not available on the recipient: {message}.
clone-status-failed.err-3868 = A setting that must match differs between donor and recipient: {message}. Set it on the recipient to the donor's value (innodb_page_size can only be chosen when the data directory is initialised).
clone-status-failed.err-3869 = Clone system configuration problem: {message}.
clone-status-failed.err-3869-not-found = The donor {donor} is not in clone_valid_donor_list on the recipient (list: "{list}"). The check runs before any connection is made: the recipient only clones from donors listed there, written exactly as host:port.
clone-status-failed.err-3869-format = clone_valid_donor_list was given a value in the wrong format. It must be host:port entries separated by commas, with no spaces anywhere and a decimal port in every entry, e.g. 'db1.example.com:3306,10.0.0.7:3306'.
clone-status-failed.err-3870 = A plugin that is active on the donor is not active on the recipient: {message}. Install the same plugin on the recipient first.
clone-status-failed.err-3871 = The CLONE INSTANCE statement points at this server itself. Cloning into the current data directory over a loop-back connection is not possible; use CLONE LOCAL DATA DIRECTORY for a local copy, or clone from another server.
clone-status-failed.err-3872 = The donor has encrypted tables, which clone only transfers over an SSL connection. Configure SSL for the clone connection and do not use REQUIRE NO SSL.
clone-status-failed.err-3873 = Not enough disk space on the recipient: {message}. Free space, or clone into another file system with DATA DIRECTORY.
clone-status-failed.err-3874 = Another clone was already running. Wait until it ends (clone_status shows Completed or Failed), then try again.
clone-status-failed.err-3875 = The clone was refused because Group Replication is running on the recipient ({message}). Group Replication runs clone itself during distributed recovery; to clone by hand, stop Group Replication first (STOP GROUP_REPLICATION).
clone-status-failed.err-3633 = DDL ran on the donor or recipient during the clone ({message}). Run the clone again at a quieter time, without DDL.
clone-status-failed.err-3634 = Too many clone operations at once ({message}). Wait for the others to finish.
clone-status-failed.err-3957 = max_allowed_packet is too small for clone: it needs at least {need} bytes (2 MiB) and the current value is {current}. The minimum applies to the donor and to the recipient.
clone-status-failed.err-1524 = The clone plugin is not loaded on the recipient. Install it (and on the donor too).
clone-status-failed.err-1227 = The account lacks a clone privilege ({message}). Cloning into the data directory needs CLONE_ADMIN on the recipient; the clone user on the donor needs BACKUP_ADMIN (as does CLONE … DATA DIRECTORY locally).
clone-status-failed.err-1317 = The clone was interrupted: the statement was killed, or the server stopped or crashed while the clone ran (a crash is recorded this way). Run the clone again.
clone-status-failed.err-recovery = The data arrived, but recovery at the first start after the clone failed ("Recovery failed. Please Retry Clone"). The server went back to its previous data. Read the error log of that start for the cause, then run the clone again.
clone-status-failed.err-other = ERROR {code}: {message}. See the MySQL error reference for this number.

# --- clone-unsupported ----------------------------------------------------------------------------
clone-unsupported.name = This server cannot clone
clone-unsupported.passed-title = This server can clone
clone-unsupported.note-ok = MySQL {version} has the clone plugin.
clone-unsupported.note-unknown =
    No server version in the input. Run:
    ```sql
    SELECT VERSION();
    ```
    or, on the server's host:
    ```sh
    mysqld --version
    ```
clone-unsupported.note-mariadb-unused = MariaDB has no clone plugin, but nothing in the input uses clone.
clone-unsupported.note-old-unused = This version has no clone plugin, but nothing in the input uses clone.
clone-unsupported.title-mariadb = MariaDB has no CLONE: use mariabackup
clone-unsupported.msg-mariadb =
    This server is MariaDB, and MariaDB has no released clone plugin: CLONE INSTANCE, the clone plugin (mysql_clone.so), clone_valid_donor_list and performance_schema.clone_status do not exist there, and neither does the RESTART statement. The work on a MariaDB clone (MDEV-36733, pull request MariaDB/server#4248) was still an open pull request covering only a local clone when the facts this tool uses were collected; check its current status.
    To copy a MariaDB server, use mariabackup (backup, prepare, copy back), then set up replication from the position it records.
clone-unsupported.fix-mariabackup.title = Copy the server with mariabackup
clone-unsupported.fix-mariabackup.reason = An outline: paths, credentials (an option file or --user), and copying the backup between hosts depend on your setup.
clone-unsupported.title-old = MySQL {version} has no clone plugin
clone-unsupported.msg-old = The clone plugin exists from MySQL {first} on; this server is {version}. Upgrade it first (to 8.0.37 or later if donor and recipient may end up on different 8.0 releases), or copy the data another way (a physical backup, or a logical dump).
clone-unsupported.ev-server = the server's version
clone-unsupported.ev-intent = clone used here

# --- clone-prerequisites --------------------------------------------------------------------------
clone-prerequisites.name = Clone prerequisites (plugin, donor list, packet size, versions)
clone-prerequisites.passed-title = Clone prerequisites are met
clone-prerequisites.missing-plugin = whether the clone plugin is loaded
clone-prerequisites.missing-donor-list = clone_valid_donor_list
clone-prerequisites.note-ok = The prerequisites shown in the input are met.
clone-prerequisites.note-unknown =
    Could not check: {missing}. Run:
    ```sql
    {query}
    ```
clone-prerequisites.title-plugin = The clone plugin is not loaded
clone-prerequisites.msg-plugin = Without the clone plugin, CLONE fails with ERROR 1524 "Plugin 'clone' is not loaded", and performance_schema.clone_status and the clone_* variables do not exist.
clone-prerequisites.msg-plugin-off = The option clone=OFF (or skip-clone) keeps the plugin from being activated at start: remove it.
clone-prerequisites.msg-plugin-load = The option file does not load it either (no mysql_clone.so in plugin-load-add / plugin-load).
clone-prerequisites.msg-plugin-donor = The donor needs the plugin too; without it the clone fails with ERROR 3862 "… 1524 : Plugin 'clone' is not loaded".
clone-prerequisites.ev-1524 = ERROR 1524: the plugin is not loaded
clone-prerequisites.ev-plugin-log = the plugin failed to load (MY-011034)
clone-prerequisites.ev-plugin-absent = the plugin list has no clone row
clone-prerequisites.ev-plugin-inactive = clone is installed but {status}
clone-prerequisites.ev-plugin-off = clone=OFF disables the plugin
clone-prerequisites.ev-plugin-load = does not load mysql_clone.so
clone-prerequisites.title-list-empty = clone_valid_donor_list is empty: no donor is allowed
clone-prerequisites.title-list-format = clone_valid_donor_list is malformed
clone-prerequisites.title-list = clone_valid_donor_list does not allow the donor
clone-prerequisites.msg-list-empty = clone_valid_donor_list is empty, so this server cannot clone from any donor: every CLONE INSTANCE fails with ERROR 3869 before connecting. The list is needed on the recipient only; if this server is only ever a donor, you can ignore this.
clone-prerequisites.msg-list-space = clone_valid_donor_list = '{value}' contains whitespace, which the server rejects (ERROR 3869 "Invalid Format").
clone-prerequisites.msg-list-port = clone_valid_donor_list = '{value}': the entry '{entry}' has no :port. Every entry needs one; an entry without it never matches.
clone-prerequisites.msg-list-bad-port = clone_valid_donor_list = '{value}': the port in '{entry}' is not a decimal number.
clone-prerequisites.msg-list-host = clone_valid_donor_list = '{value}': the entry '{entry}' has no host.
clone-prerequisites.msg-list-donor = clone_valid_donor_list = '{value}' does not contain {donor}, the donor in CLONE INSTANCE FROM: the clone will fail with ERROR 3869 before connecting.
clone-prerequisites.msg-list-format = Format: host:port entries separated by commas, no spaces, decimal ports, the host written as in CLONE INSTANCE FROM, e.g. 'db1.example.com:3306,10.0.0.7:3306'.
clone-prerequisites.ev-list = clone_valid_donor_list set here
clone-prerequisites.ev-statement = the CLONE statement and its donor
clone-prerequisites.ev-error = the error
clone-prerequisites.title-packet = max_allowed_packet is below the 2 MiB clone needs
clone-prerequisites.msg-packet = max_allowed_packet is {value}; clone needs at least {min} bytes (2 MiB) on the recipient and on the donor, otherwise it fails with ERROR 3957.
clone-prerequisites.ev-packet = max_allowed_packet set here
clone-prerequisites.title-x-port = The donor port looks like the X Protocol port
clone-prerequisites.msg-x-port = CLONE INSTANCE FROM names {host}:33060, the default mysqlx_port. Clone connects with the classic MySQL protocol and does not support the X Protocol port (nor MySQL Router): use the donor's classic port, usually 3306, in the statement and in clone_valid_donor_list.
clone-prerequisites.title-versions = Donor and recipient versions cannot clone
clone-prerequisites.msg-versions-rule = The rule: the same major.minor series always; within 8.0 also the same release, unless both are 8.0.37 or later. Upgrade so that the pair meets it, then clone again.
