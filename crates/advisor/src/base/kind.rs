//! What kind of text a document is: the public name of every input kind the detector knows.

use crate::i18n::{Key, k};

/// What kind of text a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    /// A systemd unit file or drop-in, as written on disk.
    SystemdUnit,
    /// `systemctl cat` output: the unit and its drop-ins, each after a `# /path` header.
    SystemctlCat,
    /// `systemctl show` output (`Key=value` properties).
    SystemctlShow,
    /// A MySQL option file (`my.cnf`).
    OptionFile,
    /// `my_print_defaults` output (`--key=value` lines).
    MyPrintDefaults,
    /// `mysqld-auto.cnf`, the JSON written by `SET PERSIST`.
    MysqldAutoCnf,
    /// `SHOW [GLOBAL] VARIABLES` output.
    ShowVariables,
    /// `SHOW REPLICA STATUS` / `SHOW SLAVE STATUS` output.
    ReplicaStatus,
    /// `performance_schema.replication_connection_configuration` rows.
    ConnectionConfiguration,
    /// `performance_schema.replication_applier_configuration` rows.
    ApplierConfiguration,
    /// `performance_schema.clone_status` rows.
    CloneStatus,
    /// `performance_schema.clone_progress` rows.
    CloneProgress,
    /// `SELECT @@var, VERSION()…` results.
    VariableQuery,
    /// Any other mysql client result set.
    QueryResult,
    /// `mysqld --version` (or `mysql --version`) output.
    MysqldVersion,
    /// MySQL error-log lines.
    ErrorLog,
    /// A client error line (`ERROR 3707 (HY000): …`).
    ClientError,
    /// A `CHANGE REPLICATION SOURCE TO` / `CHANGE MASTER TO` statement.
    ChangeReplicationSource,
    /// Container definitions: `docker run`, compose files, entrypoint output.
    Container,
    /// A Dockerfile (its last stage: base image, `ENV`, `ENTRYPOINT`, `CMD`).
    Dockerfile,
    /// A shell script printed in a transcript (`$ cat docker-entrypoint.sh`).
    ShellScript,
    /// A process list: `ps` (any columns) or `pstree -p` / `-ap`.
    ProcessList,
    /// `/proc/<pid>/status` or `/proc/<pid>/stat`.
    ProcStatus,
    /// A process's environment, `/proc/<pid>/environ` as printed (`tr '\0' '\n'`, `xargs -0`,
    /// `strings`, raw).
    ProcEnviron,
    /// `docker ps` / `podman ps` output (the container table).
    DockerPs,
    /// `docker inspect` output of containers (JSON).
    DockerInspect,
    /// `kubectl describe pod`, `kubectl get pod -o yaml|json` (spec and status).
    KubectlPod,
    /// A MySQL Shell (`mysqlsh`) transcript: AdminAPI clone provisioning (`addInstance`,
    /// `rejoinInstance`, `createReplicaCluster`, `dba.configureInstance`) and Shell errors.
    Mysqlsh,
    /// `journalctl` output: unit messages from the service manager and mysqld's lines.
    Journal,
    /// `systemctl status` output: the unit's state, its main process, the journal tail.
    SystemctlStatus,
    /// A supervisord configuration file (`supervisord.conf`, `conf.d/*.conf`): its sections.
    SupervisordConf,
    /// supervisord's log lines about programs (exits, spawns, `gave up`).
    SupervisordLog,
    /// A service script: a runit / daemontools / s6 `run` file, an OpenRC service script, a SysV
    /// init script.
    ServiceScript,
    /// A Windows service's configuration as `sc qc NAME` prints it.
    WindowsService,
    /// Text that was not recognised.
    Unrecognized,
}

named_values! {
    DocKind {
        SystemdUnit => "systemd-unit",
        SystemctlCat => "systemctl-cat",
        SystemctlShow => "systemctl-show",
        OptionFile => "option-file",
        MyPrintDefaults => "my-print-defaults",
        MysqldAutoCnf => "mysqld-auto-cnf",
        ShowVariables => "show-variables",
        ReplicaStatus => "replica-status",
        ConnectionConfiguration => "connection-configuration",
        ApplierConfiguration => "applier-configuration",
        CloneStatus => "clone-status",
        CloneProgress => "clone-progress",
        VariableQuery => "variable-query",
        QueryResult => "query-result",
        MysqldVersion => "mysqld-version",
        ErrorLog => "error-log",
        ClientError => "client-error",
        ChangeReplicationSource => "change-replication-source",
        Container => "container",
        Dockerfile => "dockerfile",
        ShellScript => "shell-script",
        ProcessList => "process-list",
        ProcStatus => "proc-status",
        ProcEnviron => "proc-environ",
        DockerPs => "docker-ps",
        DockerInspect => "docker-inspect",
        KubectlPod => "kubectl-pod",
        Mysqlsh => "mysqlsh",
        Journal => "journal",
        SystemctlStatus => "systemctl-status",
        SupervisordConf => "supervisord-conf",
        SupervisordLog => "supervisord-log",
        ServiceScript => "service-script",
        WindowsService => "windows-service",
        Unrecognized => "unrecognized",
    }
}

impl DocKind {
    /// The catalog key of the default label (`doc.<kind>`, with `{name}`).
    pub(crate) fn label_key(self) -> Key {
        match self {
            DocKind::SystemdUnit => k::DOC_SYSTEMD_UNIT,
            DocKind::SystemctlCat => k::DOC_SYSTEMCTL_CAT,
            DocKind::SystemctlShow => k::DOC_SYSTEMCTL_SHOW,
            DocKind::OptionFile => k::DOC_OPTION_FILE,
            DocKind::MyPrintDefaults => k::DOC_MY_PRINT_DEFAULTS,
            DocKind::MysqldAutoCnf => k::DOC_MYSQLD_AUTO_CNF,
            DocKind::ShowVariables => k::DOC_SHOW_VARIABLES,
            DocKind::ReplicaStatus => k::DOC_REPLICA_STATUS,
            DocKind::ConnectionConfiguration => k::DOC_CONNECTION_CONFIGURATION,
            DocKind::ApplierConfiguration => k::DOC_APPLIER_CONFIGURATION,
            DocKind::CloneStatus => k::DOC_CLONE_STATUS,
            DocKind::CloneProgress => k::DOC_CLONE_PROGRESS,
            DocKind::VariableQuery => k::DOC_VARIABLE_QUERY,
            DocKind::QueryResult => k::DOC_QUERY_RESULT,
            DocKind::MysqldVersion => k::DOC_MYSQLD_VERSION,
            DocKind::ErrorLog => k::DOC_ERROR_LOG,
            DocKind::ClientError => k::DOC_CLIENT_ERROR,
            DocKind::ChangeReplicationSource => k::DOC_CHANGE_REPLICATION_SOURCE,
            DocKind::Container => k::DOC_CONTAINER,
            DocKind::Dockerfile => k::DOC_DOCKERFILE,
            DocKind::ShellScript => k::DOC_SHELL_SCRIPT,
            DocKind::ProcessList => k::DOC_PROCESS_LIST,
            DocKind::ProcStatus => k::DOC_PROC_STATUS,
            DocKind::ProcEnviron => k::DOC_PROC_ENVIRON,
            DocKind::DockerPs => k::DOC_DOCKER_PS,
            DocKind::DockerInspect => k::DOC_DOCKER_INSPECT,
            DocKind::KubectlPod => k::DOC_KUBECTL_POD,
            DocKind::Mysqlsh => k::DOC_MYSQLSH,
            DocKind::Journal => k::DOC_JOURNAL,
            DocKind::SystemctlStatus => k::DOC_SYSTEMCTL_STATUS,
            DocKind::SupervisordConf => k::DOC_SUPERVISORD_CONF,
            DocKind::SupervisordLog => k::DOC_SUPERVISORD_LOG,
            DocKind::ServiceScript => k::DOC_SERVICE_SCRIPT,
            DocKind::WindowsService => k::DOC_WINDOWS_SERVICE,
            DocKind::Unrecognized => k::DOC_UNRECOGNIZED,
        }
    }
}
