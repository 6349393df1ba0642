# restart messages (en)

## Rule names and titles
restart-unsupervised.name = mysqld is not managed by a supervisor (MYSQLD_PARENT_PID not set)
restart-unsupervised.passed-title = MYSQLD_PARENT_PID is set where mysqld runs
restart-unsupervised.title = MYSQLD_PARENT_PID is not set: a clone's restart fails with ERROR 3707
restart-parent-mismatch.name = MYSQLD_PARENT_PID does not match mysqld's parent process
restart-parent-mismatch.passed-title = MYSQLD_PARENT_PID matches mysqld's parent process
restart-parent-mismatch.title = MYSQLD_PARENT_PID is not mysqld's parent PID
restart-exit16-ignored.name = Exit code 16 is not restarted
restart-exit16-ignored.passed-title = Exit code 16 is restarted
restart-exit16-ignored.title = Nothing restarts mysqld after exit code 16: the server stays down after a clone
restart-ignored-setting.name = A restart-related unit line is ignored by systemd
restart-ignored-setting.passed-title = systemd takes every restart-related unit line
restart-ignored-setting.title = systemd ignores a line that looks meant for the restart
restart-ignored-setting.message = {line} ({place}) has no effect: {reason}.
restart-ignored-setting.passed = No restart-related line of the unit is ignored by systemd.
restart-environment-file.name = EnvironmentFile= may override MYSQLD_PARENT_PID
restart-environment-file.passed-title = No unseen EnvironmentFile= can override MYSQLD_PARENT_PID
restart-environment-file.title = An EnvironmentFile= not shown here can override MYSQLD_PARENT_PID
restart-environment-file.message = EnvironmentFile={path} is read when mysqld starts, after Environment=, and its assignments override Environment=; its contents are not in the input. From what is shown: {now} Paste the file as another input (named {path}) to be sure.
restart-environment-file.optional = The leading "-" means the file may also not exist; then it changes nothing.
restart-environment-file.passed = No EnvironmentFile= whose contents are unknown can change MYSQLD_PARENT_PID.
restart-environment-file.fix = Show {path}
restart-environment-file.fix-reason = Only reads the file; paste its output here.
restart-notify-access.name = Type=notify with a wrapper needs NotifyAccess=all
restart-notify-access.passed-title = NotifyAccess= fits how mysqld is started
restart-notify-access.title = mysqld's READY=1 is dropped: the wrapper is the main process
restart-notify-access.message = With Type=notify, systemd accepts readiness notifications only from the main process (NotifyAccess={access}). The main process here is {wrapper}, not mysqld, so mysqld's READY=1 is dropped: every start — including the one after RESTART or a clone — stays "activating" until the start timeout kills it (or forever with TimeoutSec=0). Either make the wrapper exec mysqld, or set NotifyAccess=all.
restart-notify-access.passed = mysqld is the main process, or notifications from the whole service are accepted.
restart-notify-access.fix = Drop-in for {unit}: NotifyAccess=all
restart-notify-access.fix-reason = Accepts notifications from any process of the service; exec-ing mysqld in the wrapper is the cleaner fix.
restart-start-timeout.name = Finite start timeout with Type=notify
restart-start-timeout.passed-title = The start after a clone has time for recovery
restart-start-timeout.title = The start after a clone can be killed by TimeoutStartSec
restart-start-timeout.message = The unit is Type=notify with a start timeout of {timeout}. The start after RESTART or a clone is a normal start: after a clone it also runs InnoDB crash recovery on the cloned data, which can take much longer than a usual start. If READY=1 does not arrive in time, systemd kills mysqld and marks the start failed. Oracle's own units use TimeoutSec=0 (Ubuntu: infinity).
restart-start-timeout.passed = No start timeout (TimeoutStartSec=0 or infinity), or the unit is not Type=notify.
restart-start-timeout.fix = Drop-in for {unit}: no start timeout
restart-start-timeout.fix-reason = A start that hangs will then wait until stopped by hand; choose a long finite value instead if you prefer.
restart-on-crash.name = The restart policy also restarts after crashes
restart-on-crash.passed-title = The restart policy fits crashes
restart-on-crash.title = Restart= also restarts mysqld after a crash
restart-on-crash.message = Restart={restart} restarts mysqld after exit code 16 (RESTART, clone) and also after a crash (a signal, a core dump, an unclean exit code not listed in RestartPreventExitStatus=). That is what Oracle's and Ubuntu's packages do, and it keeps the server available. Some teams prefer a crashed server to stay down until someone has looked at it; they use Restart=no with RestartForceExitStatus=16, so that only RESTART and clones restart it automatically. Both work for clones; choose deliberately.
restart-on-crash.passed = Restart= does not restart mysqld after crashes.
restart-on-crash.na = Not applicable (mysqld_safe restarts after crashes itself, or no clone support).
restart-on-crash.fix = Alternative: restart only on exit code 16
restart-on-crash.fix-reason = Changes behaviour after a crash: the server then stays down until started by hand.

restart-start-limit.name = Start limit can refuse the restart after a clone
restart-start-limit.passed-title = The start limit leaves room for the restart after a clone
restart-start-limit.title = systemd's start limit can keep mysqld down after a clone
restart-start-limit.message-hit = systemctl show reports Result=start-limit-hit: systemd refused to start {unit} because it was started too often within StartLimitIntervalSec=. The start after RESTART or a clone counts like any other; until the counter is reset, nothing starts mysqld again.
restart-start-limit.message-tight = StartLimitBurst={burst} within StartLimitIntervalSec={interval}: the start that brought the server up, a manual restart and the automatic start after RESTART or a clone can exceed it. systemd then refuses the start (start-limit-hit) and mysqld stays down.
restart-start-limit.passed = No tight start limit, and no start-limit-hit reported.
restart-start-limit.fix-reset = Reset the start limit of {unit} and start it
restart-start-limit.fix-dropin = Drop-in for {unit}: systemd's default start limit
restart-start-limit.fix-defaults = systemd's defaults: at most 5 starts within 10 seconds
restart-start-limit.fix-reason = Allows more restarts of a crash-looping server.

## Shared phrases
restart.na-no-unit = No systemd unit in the input.
restart.default-value = {value} (default)
restart.consequence-fails = So RESTART and CLONE INSTANCE (without DATA DIRECTORY) fail with ERROR 3707 (mysqld is not managed by supervisor process); after a clone the server logs MY-013462 and shuts itself down with exit code 0.
restart.consequence-stays-off = {policy} does not restart a clean exit (code 0), so the server stays down. The cloned data is complete: start mysqld by hand to finish the clone.
restart.consequence-comes-back = {policy} also restarts a clean exit (code 0), so mysqld comes back and finishes the clone, but the statement still reports ERROR 3707 and the server is down in between.
restart.consequence-maybe = The check may fail with ERROR 3707; make it certain rather than rely on this.
restart.consequence-stays-down = mysqld accepts RESTART or the clone's restart and exits with code 16, but nothing starts it again: the server stays down until someone starts it.
restart.consequence-after-fix = (This matters once MYSQLD_PARENT_PID is fixed; the fix below covers both.)
restart.ignored-hint = {place} looks meant to set it, but systemd ignores that line: {reason}.
restart.ignored-commented = the line is a comment (it starts with # or ;)
restart.ignored-wrong-section = {key}= belongs in [Service] but this line is in [{section}], where systemd ignores it
restart.ignored-outside = the line comes before any section header, and systemd ignores assignments outside a section
restart.ignored-misspelt = systemd does not know the key {key}= (did you mean {suggestion}=?) and skips the line with only a warning in the journal
restart.ignored-invalid = {value} is not a valid value for {key}=, so systemd ignores the line and keeps the previous value
restart.ignored-duplicate-exec = a second ExecStart= without an empty ExecStart= before it makes systemd refuse the unit (only Type=oneshot may have several)

## Parents
restart.parent-pid1 = systemd (PID 1)
restart.exit16-fragment = The unit shown has no ExecStart= line: if it is only part of the unit, paste all of it (`systemctl cat mysqld`).
restart.chain = How mysqld is started: {chain}.
restart.chain-execs = {name} (exec)
restart.parent-user-manager = the user's systemd --user manager (not PID 1)
restart.parent-reparented = PID 1 (mysqld daemonizes and is re-parented)
restart.parent-reparented-user = the user's systemd --user manager (mysqld daemonizes and is re-parented to it)
restart.parent-wrapper = the wrapper process {name}
restart.parent-mysqld-safe = mysqld_safe
restart.parent-container-pid1 = outside the container (mysqld is PID 1, so getppid() returns 0)
restart.parent-container-init = the container's init process (tini, PID 1)
restart.parent-script = the script {path} or systemd, depending on whether the script execs mysqld
restart.parent-shell = the shell or systemd, depending on the shell
restart.parent-unknown = unknown
restart.expected-user-manager = the user manager's PID
restart.expected-wrapper = the wrapper's PID (a new one at every start)

## Why the check passes or fails
restart.why-check-matches = MYSQLD_PARENT_PID={value} ({at}) equals mysqld's parent PID: the parent is {parent}.
restart.why-check-mysqld-safe = mysqld_safe starts mysqld as "env MYSQLD_PARENT_PID=$$ mysqld …" (its own PID) and starts it again when it exits with 16, whatever the unit sets.
restart.why-check-oracle = Oracle's image entrypoint sets MYSQLD_PARENT_PID from field 4 of /proc/$$/stat and then execs mysqld, so atoi(MYSQLD_PARENT_PID) equals getppid().
restart.why-check-missing = MYSQLD_PARENT_PID is not set in mysqld's environment (only Environment= in [Service], an EnvironmentFile= or the command line can set it). mysqld counts as managed only when the variable is set and atoi() of its value equals getppid() — here the PID of {parent}.
restart.why-check-missing-dockerhub = The Docker Hub image (mysql) never sets MYSQLD_PARENT_PID: its entrypoint ends with exec "$@", so mysqld is PID 1 with getppid() = 0, but without the variable mysqld does not count as managed.
restart.why-check-unset = UnsetEnvironment= removes MYSQLD_PARENT_PID from mysqld's environment (it is applied after Environment= and EnvironmentFile=).
restart.why-check-mismatch = MYSQLD_PARENT_PID={value} ({at}) gives atoi() = {atoi}, but mysqld's parent is {parent}; it would need {expected}.
restart.why-check-no-expansion = MYSQLD_PARENT_PID={value} ({at}): systemd does not expand variables in Environment=, so mysqld sees this text literally and atoi() gives {atoi}; mysqld's parent is {parent}.
restart.why-check-own-pid = The wrapper exports MYSQLD_PARENT_PID=$$ and then execs mysqld: after exec, $$ is mysqld's own PID, never its parent's.
restart.why-check-user-literal = This is a user unit: mysqld's parent is {parent}. MYSQLD_PARENT_PID={value} ({at}) matches only while the user manager has exactly that PID, which changes whenever the manager restarts (login sessions, reboots).
restart.why-check-opaque = MYSQLD_PARENT_PID is computed when the service starts ({value}); the advisor cannot evaluate it.
restart.why-check-script-unknown = ExecStart= runs the script {path}: if it ends with "exec mysqld …", mysqld's parent is systemd (PID 1); if it runs mysqld without exec, the script's shell is the parent and MYSQLD_PARENT_PID=1 does not match.
restart.why-check-shell = ExecStart= runs mysqld inside "sh -c" without exec: bash may replace itself with the last simple command, other shells were not verified, and redirections or traps prevent it; the parent is not guaranteed to be PID 1.
restart.why-check-image-unknown = The entrypoint of image {image} is not known to the advisor: whether it sets MYSQLD_PARENT_PID cannot be decided.
restart.why-check-unknown = The input does not show how mysqld is started.

## Why exit code 16 is (not) restarted
restart.why-16-prevented = RestartPreventExitStatus= lists 16: systemd checks it first and never restarts exit code 16, even when RestartForceExitStatus= lists it too.
restart.why-16-forced = RestartForceExitStatus= lists 16: systemd restarts exit code 16 whatever Restart= says.
restart.why-16-oneshot = Type=oneshot with 16 in SuccessExitStatus=: a clean exit of a oneshot service is never restarted, even with RestartForceExitStatus=16.
restart.why-16-yes = Restart={restart} restarts mysqld when it exits with code 16 (an unclean exit code).
restart.why-16-clean = SuccessExitStatus= makes 16 a clean exit, and Restart={restart} does not restart after a clean exit.
restart.why-16-no = Restart={restart} never restarts after an exit code (only after signals, timeouts or the watchdog).
restart.why-16-default = The unit has no valid Restart= line, so systemd's default Restart=no applies, and RestartForceExitStatus= does not list 16.
restart.why-16-mysqld-safe = mysqld_safe starts mysqld again when it exits with 16.
restart.why-16-script-loop = The wrapper script loops and starts mysqld again after exit code 16.
restart.why-16-container-yes = The restart policy {policy} starts the container again when mysqld exits with 16.
restart.why-16-container-no = The restart policy {policy} does not start the container again after it exits.
restart.why-16-unknown = The input does not show what restarts mysqld after exit code 16.

## Verdict
restart.verdict-works = The clone's automatic restart will work. {why}
restart.verdict-fails = The clone's automatic restart will fail with ERROR 3707 and the server will shut itself down (the cloned data is complete). {why}
restart.verdict-stays-down = mysqld will accept the clone's restart but nothing will start it again: it stays down after the clone. {why}
restart.verdict-unknown = The input does not decide whether the clone's automatic restart will work.
restart.verdict-unknown-no-input = Nothing in the input shows how mysqld is supervised.
restart.verdict-fails-observed = The restart failed: ERROR 3707 / MY-013462 is in the input. The clone itself completed; start mysqld to finish it, then check performance_schema.clone_status.
restart.verdict-mariadb = MariaDB has no RESTART statement and no clone plugin: the clone restart does not apply.
restart.verdict-no-clone = MySQL {version} has no clone plugin (it came in 8.0.17): the clone restart does not apply.
restart.verdict-no-restart = MySQL {version} has neither the RESTART statement (it came in 8.0.4) nor the clone plugin (8.0.17): the clone restart does not apply.
restart.na-restart-still = RESTART exists in this version and passes the same supervisor check; for RESTART alone:
restart.label-flavor = The server is MariaDB
restart.label-version = The server's version
restart.caveat-timeout = Start timeout {timeout} with Type=notify: the start after a clone runs recovery and is killed if it takes longer.
restart.observed-16-down = systemctl show: mysqld last exited with code 16 (RESTART or a clone) and the unit is {state}: nothing started it again.
restart.label-observed-16 = exited with 16 and stayed down
restart.caveat-notify = Type=notify with {wrapper} as the main process and no NotifyAccess=all: mysqld's READY=1 is dropped, so the start after the clone does not complete in systemd's eyes (see restart-notify-access).
restart.caveat-observed = ERROR 3707 / MY-013462 in the input shows that an earlier restart failed; the configuration shown would pass now. If it was changed after that failure, restart mysqld once so that it runs with the new environment.
restart.missing-supervisor =
    Paste the output of:
    ```sh
    systemctl cat mysqld
    ```
    (on Debian/Ubuntu: `systemctl cat mysql`), or the `docker run` command / compose service / Kubernetes spec that starts mysqld.
restart.missing-script =
    Paste the wrapper script, the output of:
    ```sh
    cat {path}
    ```
restart.missing-execstart =
    Paste the unit's ExecStart= line, from the output of:
    ```sh
    systemctl cat mysqld
    ```
restart.missing-entrypoint =
    Paste the image's entrypoint script: the output of
    ```sh
    docker inspect -f '{{{{json .Config.Entrypoint}}}}' <image>
    ```
    and that file.
restart.missing-policy =
    Paste the `docker run` command or compose service (its restart policy), or the output of:
    ```sh
    docker inspect -f '{{{{.HostConfig.RestartPolicy.Name}}}}' <container>
    ```
restart.missing-env-file =
    Paste the output of this, to see whether it sets MYSQLD_PARENT_PID:
    ```sh
    cat {path}
    ```
restart.assume-env-file = Assumed that {path} does not set MYSQLD_PARENT_PID.
restart.assume-system = Assumed a system unit (`systemctl`, not `systemctl --user`).
restart.assume-unit-name = The input does not name the unit; {unit} is assumed.
restart.assume-dockerhub-env = Assumed the container was started without -e MYSQLD_PARENT_PID (the image never sets it).

## Fixes
restart.dropin-howto =
    Run: {edit}
    and paste the [Service] lines below (or save this file at the path shown, then run: {reload}).
restart.dropin-restart-note = The environment and command line are read when mysqld starts: run {restart} once (planned downtime) before the next clone.
restart.dropin-unit-assumed = The unit name was not in the input: {unit} is assumed (Debian/Ubuntu packages use mysql.service).
restart.fix-dropin = Drop-in for {unit} ({path})
restart.fix-dropin-reason = Takes effect at the next start of {unit}: restart the service once before cloning.
restart.fix-effective = Effective settings of {unit} after the drop-in
restart.fix-effective-reason = For checking: `systemctl show {unit} -p Type,ExecStart,Environment,Restart,RestartForceExitStatus,RestartPreventExitStatus` prints these values after daemon-reload.
restart.fix-script = Make {path} exec mysqld
restart.fix-script-where = {place}: replace the line that starts mysqld with
restart.fix-script-generic = End {path} with exec, so that mysqld replaces the shell and keeps systemd as its parent:
restart.fix-script-reason = Without exec the shell stays mysqld's parent; with exec mysqld takes the shell's place (and its parent).
restart.fix-container = Container {name}: restart policy and MYSQLD_PARENT_PID
restart.fix-container-reason = Environment changes need the container to be re-created; after the clone the container exits with 16 and the policy starts it again.
restart.fix-docker-run = Add to the docker run command (re-create the container):
restart.fix-docker-update = Or change only the restart policy of the existing container:
restart.fix-entrypoint = Alternative: an entrypoint that sets MYSQLD_PARENT_PID the way Oracle's image does
restart.fix-entrypoint-script = parent-pid-entrypoint.sh (make it executable): field 4 of /proc/$$/stat is the parent PID, and every exec keeps the PID
restart.fix-entrypoint-run = then run the image with it; --entrypoint clears the image's CMD, so pass mysqld again
restart.fix-entrypoint-run-title = Alternative, step 2: re-create the container with that entrypoint
restart.fix-entrypoint-reason = Works with and without --init (it reads the real parent PID); the container must be re-created.
restart.fix-k8s-env = Add to the container {name}:

## Evidence labels
restart.label-execstart = mysqld is started here
restart.label-execstart-no-var = mysqld is started here without MYSQLD_PARENT_PID
restart.label-value = MYSQLD_PARENT_PID is set here
restart.label-parent = this decides mysqld's parent process
restart.label-reparented = mysqld daemonizes (re-parented to PID 1)
restart.label-script = wrapper script
restart.label-script-launch = the script starts mysqld here
restart.label-unset = removes MYSQLD_PARENT_PID
restart.label-ignored = ignored by systemd: {reason}
restart.label-image = image
restart.label-entrypoint-log = entrypoint log line (identifies the image)
restart.label-container = container definition
restart.label-prevent = RestartPreventExitStatus= lists 16
restart.label-force = RestartForceExitStatus= lists 16
restart.label-success = SuccessExitStatus= lists 16
restart.label-restart = restart policy
restart.label-policy = container restart policy
restart.label-no-restart = no Restart= line: the default is no
restart.label-no-policy = no restart policy: the default is no
restart.label-observed = the restart failed here
restart.label-env-file = contents not in the input
restart.label-type-notify = Type=notify
restart.label-wrapper = main process: {wrapper}
restart.label-set-here = set here ({place})
restart.label-start-limit = start limit
restart.label-start-limit-hit = systemd refused the start here
restart.label-timeout = start timeout
restart.label-timeout-default = Type=notify without TimeoutStartSec= (default 90s)

## References
restart.ref-restart = MySQL Reference Manual: RESTART statement
restart.ref-clone = MySQL Reference Manual: Cloning remote data
restart.ref-systemd-service = systemd.service(5): Restart=, RestartForceExitStatus=
