//! The merged systemd unit: main file plus drop-ins in order, with resets (or `systemctl show`).
//!
//! Contract between the systemd parser (which fills it) and the restart rules (which read it).
//! Values are systemd's *effective* values after applying every file in order — `systemctl cat`
//! order, then drop-ins given as separate inputs in input order — with systemd's semantics:
//! empty assignments reset lists (`Environment=`, `ExecStart=`, `*ExitStatus=`, `EnvironmentFile=`),
//! an invalid `Restart=` value is ignored (the previous value stays), later assignments win.

use crate::text::TrimWs;

use super::{Facts, Loc, Valued};
use crate::source::Source;
use crate::syntax::document::Document;

/// One file that went into the merged unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitFile {
    /// `/etc/systemd/system/mysqld.service`, from a `systemctl cat` header, the input name, or a
    /// `# /path` comment; `None` when unknown.
    pub path: Option<String>,
    /// True for a drop-in (`…/X.service.d/*.conf`, or a file holding only overrides after the main one).
    pub dropin: bool,
    /// The file's lines.
    pub at: Loc,
}

/// One `Key=value` line as systemd reads it (continuations joined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Directive {
    /// Section without brackets (`Service`).
    pub section: String,
    /// Key as written (`Environment`).
    pub key: String,
    /// Value after the `=`, whitespace-trimmed, continuations joined with a space.
    pub value: String,
    /// Index into [`UnitFacts::files`].
    pub file: usize,
    /// The whole directive (all continuation lines).
    pub at: Loc,
    /// The value part only.
    pub value_at: Loc,
}

/// One effective environment variable from `Environment=`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EnvVar {
    pub name: String,
    pub value: String,
    /// The `Environment=` line that set it.
    pub at: Loc,
}

/// An exit-status list (`SuccessExitStatus=`, `RestartPreventExitStatus=`, `RestartForceExitStatus=`)
/// after merging and resets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StatusSet {
    /// Numeric exit codes, each with the line that added it.
    pub codes: Vec<Valued<u32>>,
    /// Signal names without `SIG` (`TERM`), each with the line that added it.
    pub signals: Vec<Valued<String>>,
    /// The lines that assigned this list (including resets), in order.
    pub lines: Vec<Loc>,
}

impl StatusSet {
    /// The entry for exit code `code`, if listed.
    pub fn code(&self, code: u32) -> Option<&Valued<u32>> {
        self.codes.iter().find(|c| c.value == code)
    }
}

/// Why systemd ignores a line that looks like it was meant to matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum IgnoredReason {
    /// `#Environment=MYSQLD_PARENT_PID=1` — a comment.
    Commented,
    /// A known `[Service]` key in another section (`[Unit]`, `[Install]`) or before any section.
    WrongSection { section: Option<String> },
    /// An unknown key close to a known one (`Enviroment=` → `Environment`).
    Misspelt { suggestion: String },
    /// A value systemd rejects (e.g. `Restart=sometimes`), so the previous value stays.
    InvalidValue,
    /// A second `ExecStart=` without a reset on a non-oneshot service (systemd refuses the unit).
    DuplicateExecStart,
}

/// A line systemd ignores, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: IgnoredReason,
    pub at: Loc,
}

/// The effective `[Service]` (and `[Unit]` start-limit) settings of the mysqld unit.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitFacts {
    /// The unit name (`mysqld.service`, `mysql@replica.service`), when known.
    pub name: Option<String>,
    /// `Some(true)` for a user unit (`~/.config/systemd/user`, `/etc/systemd/user`, `systemctl --user`),
    /// `Some(false)` for a system unit, `None` when the input does not say.
    pub user_unit: Option<bool>,
    /// True when built from `systemctl show` (already merged by systemd).
    pub from_show: bool,
    /// The files, in the order they were applied.
    pub files: Vec<UnitFile>,
    /// Every directive of every section, in application order.
    pub directives: Vec<Directive>,
    /// `Type=` (default `simple` when absent).
    pub service_type: Option<Valued<String>>,
    /// Effective `ExecStart=` command lines (after resets), as written (prefixes such as `+`, `-`, `@` kept).
    pub exec_start: Vec<Valued<String>>,
    /// Effective `Environment=` variables (later assignments of a name replace earlier ones).
    pub environment: Vec<EnvVar>,
    /// Effective `EnvironmentFile=` entries (a leading `-` kept).
    pub environment_files: Vec<Valued<String>>,
    /// `UnsetEnvironment=` entries.
    pub unset_environment: Vec<Valued<String>>,
    /// The last *valid* `Restart=` value (`None` = default `no`).
    pub restart: Option<Valued<String>>,
    pub restart_prevent: StatusSet,
    pub restart_force: StatusSet,
    pub success_exit: StatusSet,
    /// `TimeoutStartSec=` or `TimeoutSec=`, whichever applies last.
    pub timeout_start: Option<Valued<String>>,
    pub notify_access: Option<Valued<String>>,
    pub pid_file: Option<Valued<String>>,
    pub user: Option<Valued<String>>,
    pub restart_sec: Option<Valued<String>>,
    /// `StartLimitBurst=` / `StartLimitIntervalSec=` (also the old `[Service]` spelling `StartLimitInterval=`).
    pub start_limit_burst: Option<Valued<String>>,
    pub start_limit_interval: Option<Valued<String>>,
    /// Lines systemd ignores that look meant (commented out, wrong section, misspelt, invalid).
    pub ignored: Vec<Ignored>,
    /// `TimeoutStopSec=` or `TimeoutSec=`, whichever applies last (`TimeoutStopUSec=` from `show`).
    pub timeout_stop: Option<Valued<String>>,
    /// The `# Unit X is masked.` line of `systemctl cat`, when the unit is masked.
    pub masked: Option<Loc>,
    /// Runtime state, only from `systemctl show`.
    pub runtime: Runtime,
}

/// What `systemctl show` tells about the unit's last run (all `None` for unit files).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Runtime {
    /// `MainPID=` (0 when not running).
    pub main_pid: Option<Valued<String>>,
    /// `NRestarts=`: automatic restarts since the last manual start.
    pub n_restarts: Option<Valued<String>>,
    /// `ExecMainCode=` (1 exited, 2 killed, 3 dumped) and `ExecMainStatus=` (exit code or signal).
    pub exec_main_code: Option<Valued<String>>,
    pub exec_main_status: Option<Valued<String>>,
    /// `Result=` (`success`, `exit-code`, `signal`, `start-limit-hit`, …).
    pub result: Option<Valued<String>>,
    /// `ActiveState=` / `SubState=`.
    pub active_state: Option<Valued<String>>,
    pub sub_state: Option<Valued<String>>,
    /// `DropInPaths=` entries.
    pub drop_in_paths: Vec<Valued<String>>,
}

impl UnitFacts {
    /// The effective value of environment variable `name`.
    pub fn env(&self, name: &str) -> Option<&EnvVar> {
        self.environment.iter().rev().find(|e| e.name == name)
    }
    /// The effective `Restart=` policy (`no` when unset).
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn restart_policy(&self) -> &str {
        self.restart.as_ref().map_or("no", |r| r.value.as_str())
    }
    /// The effective `Type=` (`simple` when unset).
    pub fn type_name(&self) -> &str {
        self.service_type.as_ref().map_or("simple", |t| t.value.as_str())
    }
    /// The start timeout in microseconds: `None` when not set (the manager's
    /// `DefaultTimeoutStartSec=`, 90s unless changed, applies), `Some(u64::MAX)` for none
    /// (`infinity`, or `0`, which `TimeoutSec=`/`TimeoutStartSec=` read as "disabled").
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn timeout_start_usec(&self) -> Option<u64> {
        let v = parse_timespan(&self.timeout_start.as_ref()?.value)?;
        Some(if v == 0 { u64::MAX } else { v })
    }
    /// Number of drop-in files applied.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn dropin_count(&self) -> usize {
        self.files.iter().filter(|f| f.dropin).count()
    }
}

// ---------------------------------------------------------------------------------------------
// Building the merged unit.
// ---------------------------------------------------------------------------------------------

use crate::syntax::document::Parsed;
use crate::syntax::shell::{self, Mode};
use crate::syntax::systemctl_show::{self as show, ShowDoc, ShowUnit};
use crate::syntax::systemd::{self as sd, CatNoteKind, UnitFileSyntax, UnitSet};

/// Keys of `[Service]` (systemd.service(5)) and the exec, kill and resource-control keys it
/// shares (systemd.exec(5), systemd.kill(5), systemd.resource-control(5)).
pub(crate) const SERVICE_KEYS: &[&str] = &[
    // systemd.service(5)
    "Type",
    "ExitType",
    "RemainAfterExit",
    "GuessMainPID",
    "PIDFile",
    "BusName",
    "ExecStart",
    "ExecStartPre",
    "ExecStartPost",
    "ExecCondition",
    "ExecReload",
    "ExecStop",
    "ExecStopPost",
    "RestartSec",
    "RestartSteps",
    "RestartMaxDelaySec",
    "TimeoutStartSec",
    "TimeoutStopSec",
    "TimeoutAbortSec",
    "TimeoutSec",
    "TimeoutStartFailureMode",
    "TimeoutStopFailureMode",
    "RuntimeMaxSec",
    "RuntimeRandomizedExtraSec",
    "WatchdogSec",
    "Restart",
    "RestartMode",
    "SuccessExitStatus",
    "RestartPreventExitStatus",
    "RestartForceExitStatus",
    "RootDirectoryStartOnly",
    "NonBlocking",
    "NotifyAccess",
    "Sockets",
    "FileDescriptorStoreMax",
    "FileDescriptorStorePreserve",
    "USBFunctionDescriptors",
    "USBFunctionStrings",
    "OOMPolicy",
    "OpenFile",
    "ReloadSignal",
    "PermissionsStartOnly",
    "StartLimitInterval",
    "StartLimitBurst",
    "StartLimitAction",
    "FailureAction",
    "RebootArgument",
    // systemd.exec(5)
    "WorkingDirectory",
    "RootDirectory",
    "RootImage",
    "RootHash",
    "MountAPIVFS",
    "User",
    "Group",
    "DynamicUser",
    "SupplementaryGroups",
    "SetLoginEnvironment",
    "PAMName",
    "Environment",
    "EnvironmentFile",
    "PassEnvironment",
    "UnsetEnvironment",
    "StandardInput",
    "StandardOutput",
    "StandardError",
    "StandardInputText",
    "StandardInputData",
    "SyslogIdentifier",
    "SyslogFacility",
    "SyslogLevel",
    "SyslogLevelPrefix",
    "LogLevelMax",
    "LogExtraFields",
    "LogRateLimitIntervalSec",
    "LogRateLimitBurst",
    "LogFilterPatterns",
    "LogNamespace",
    "TTYPath",
    "TTYReset",
    "TTYVHangup",
    "TTYVTDisallocate",
    "Nice",
    "OOMScoreAdjust",
    "IOSchedulingClass",
    "IOSchedulingPriority",
    "CPUSchedulingPolicy",
    "CPUSchedulingPriority",
    "CPUSchedulingResetOnFork",
    "CPUAffinity",
    "NUMAPolicy",
    "NUMAMask",
    "UMask",
    "CoredumpFilter",
    "KeyringMode",
    "TimerSlackNSec",
    "Personality",
    "IgnoreSIGPIPE",
    "LimitCPU",
    "LimitFSIZE",
    "LimitDATA",
    "LimitSTACK",
    "LimitCORE",
    "LimitRSS",
    "LimitNOFILE",
    "LimitAS",
    "LimitNPROC",
    "LimitMEMLOCK",
    "LimitLOCKS",
    "LimitSIGPENDING",
    "LimitMSGQUEUE",
    "LimitNICE",
    "LimitRTPRIO",
    "LimitRTTIME",
    "CapabilityBoundingSet",
    "AmbientCapabilities",
    "NoNewPrivileges",
    "SecureBits",
    "SELinuxContext",
    "AppArmorProfile",
    "SmackProcessLabel",
    "ProtectSystem",
    "ProtectHome",
    "RuntimeDirectory",
    "RuntimeDirectoryMode",
    "RuntimeDirectoryPreserve",
    "StateDirectory",
    "StateDirectoryMode",
    "CacheDirectory",
    "CacheDirectoryMode",
    "LogsDirectory",
    "LogsDirectoryMode",
    "ConfigurationDirectory",
    "ConfigurationDirectoryMode",
    "ReadWritePaths",
    "ReadOnlyPaths",
    "InaccessiblePaths",
    "ExecPaths",
    "NoExecPaths",
    "TemporaryFileSystem",
    "PrivateTmp",
    "PrivateDevices",
    "PrivateNetwork",
    "NetworkNamespacePath",
    "PrivateIPC",
    "IPCNamespacePath",
    "PrivatePIDs",
    "PrivateUsers",
    "ProtectHostname",
    "ProtectClock",
    "ProtectKernelTunables",
    "ProtectKernelModules",
    "ProtectKernelLogs",
    "ProtectControlGroups",
    "RestrictAddressFamilies",
    "RestrictFileSystems",
    "RestrictNamespaces",
    "LockPersonality",
    "MemoryDenyWriteExecute",
    "RestrictRealtime",
    "RestrictSUIDSGID",
    "RemoveIPC",
    "PrivateMounts",
    "MountFlags",
    "SystemCallFilter",
    "SystemCallErrorNumber",
    "SystemCallArchitectures",
    "SystemCallLog",
    "ProtectProc",
    "ProcSubset",
    "BindPaths",
    "BindReadOnlyPaths",
    "MountImages",
    "ExtensionImages",
    "ExtensionDirectories",
    "LoadCredential",
    "LoadCredentialEncrypted",
    "ImportCredential",
    "SetCredential",
    "SetCredentialEncrypted",
    "UtmpIdentifier",
    "UtmpMode",
    "Delegate",
    // systemd.kill(5)
    "KillMode",
    "KillSignal",
    "RestartKillSignal",
    "SendSIGHUP",
    "SendSIGKILL",
    "FinalKillSignal",
    "WatchdogSignal",
    // systemd.resource-control(5)
    "Slice",
    "CPUAccounting",
    "CPUWeight",
    "StartupCPUWeight",
    "CPUQuota",
    "CPUQuotaPeriodSec",
    "CPUShares",
    "StartupCPUShares",
    "AllowedCPUs",
    "StartupAllowedCPUs",
    "AllowedMemoryNodes",
    "StartupAllowedMemoryNodes",
    "MemoryAccounting",
    "MemoryMin",
    "MemoryLow",
    "StartupMemoryLow",
    "MemoryHigh",
    "StartupMemoryHigh",
    "MemoryMax",
    "StartupMemoryMax",
    "MemorySwapMax",
    "StartupMemorySwapMax",
    "MemoryZSwapMax",
    "StartupMemoryZSwapMax",
    "MemoryZSwapWriteback",
    "MemoryLimit",
    "TasksAccounting",
    "TasksMax",
    "IOAccounting",
    "IOWeight",
    "StartupIOWeight",
    "IODeviceWeight",
    "IOReadBandwidthMax",
    "IOWriteBandwidthMax",
    "IOReadIOPSMax",
    "IOWriteIOPSMax",
    "IODeviceLatencyTargetSec",
    "BlockIOAccounting",
    "BlockIOWeight",
    "StartupBlockIOWeight",
    "BlockIODeviceWeight",
    "BlockIOReadBandwidth",
    "BlockIOWriteBandwidth",
    "IPAccounting",
    "IPAddressAllow",
    "IPAddressDeny",
    "SocketBindAllow",
    "SocketBindDeny",
    "RestrictNetworkInterfaces",
    "IPIngressFilterPath",
    "IPEgressFilterPath",
    "BPFProgram",
    "DeviceAllow",
    "DevicePolicy",
    "DisableControllers",
    "ManagedOOMSwap",
    "ManagedOOMMemoryPressure",
    "ManagedOOMMemoryPressureLimit",
    "ManagedOOMPreference",
    "MemoryPressureWatch",
    "MemoryPressureThresholdSec",
    "CoredumpReceive",
];

/// Keys of `[Unit]` (systemd.unit(5)).
pub(crate) const UNIT_KEYS: &[&str] = &[
    "Description",
    "Documentation",
    "Wants",
    "Requires",
    "Requisite",
    "BindsTo",
    "PartOf",
    "Upholds",
    "Conflicts",
    "Before",
    "After",
    "OnFailure",
    "OnSuccess",
    "PropagatesReloadTo",
    "ReloadPropagatedFrom",
    "PropagatesStopTo",
    "StopPropagatedFrom",
    "JoinsNamespaceOf",
    "RequiresMountsFor",
    "WantsMountsFor",
    "OnFailureJobMode",
    "OnSuccessJobMode",
    "IgnoreOnIsolate",
    "StopWhenUnneeded",
    "RefuseManualStart",
    "RefuseManualStop",
    "AllowIsolate",
    "DefaultDependencies",
    "SurviveFinalKillSignal",
    "CollectMode",
    "FailureAction",
    "SuccessAction",
    "FailureActionExitStatus",
    "SuccessActionExitStatus",
    "JobTimeoutSec",
    "JobRunningTimeoutSec",
    "JobTimeoutAction",
    "JobTimeoutRebootArgument",
    "StartLimitIntervalSec",
    "StartLimitInterval",
    "StartLimitBurst",
    "StartLimitAction",
    "RebootArgument",
    "SourcePath",
    "ConditionArchitecture",
    "ConditionFirmware",
    "ConditionVirtualization",
    "ConditionHost",
    "ConditionKernelCommandLine",
    "ConditionKernelVersion",
    "ConditionCredential",
    "ConditionEnvironment",
    "ConditionSecurity",
    "ConditionCapability",
    "ConditionACPower",
    "ConditionNeedsUpdate",
    "ConditionFirstBoot",
    "ConditionPathExists",
    "ConditionPathExistsGlob",
    "ConditionPathIsDirectory",
    "ConditionPathIsSymbolicLink",
    "ConditionPathIsMountPoint",
    "ConditionPathIsReadWrite",
    "ConditionPathIsEncrypted",
    "ConditionDirectoryNotEmpty",
    "ConditionFileNotEmpty",
    "ConditionFileIsExecutable",
    "ConditionUser",
    "ConditionGroup",
    "ConditionControlGroupController",
    "ConditionMemory",
    "ConditionCPUs",
    "ConditionCPUFeature",
    "ConditionOSRelease",
    "ConditionMemoryPressure",
    "ConditionCPUPressure",
    "ConditionIOPressure",
    "AssertPathExists",
    "AssertPathIsDirectory",
    "AssertFileNotEmpty",
    "AssertFileIsExecutable",
    "AssertUser",
    "AssertGroup",
    "AssertVirtualization",
    "AssertHost",
    "AssertSecurity",
    "AssertCapability",
];

/// Keys of `[Install]`.
pub(crate) const INSTALL_KEYS: &[&str] =
    &["WantedBy", "RequiredBy", "UpheldBy", "Alias", "Also", "DefaultInstance"];

const RESTART_VALUES: &[&str] =
    &["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"];
const TYPE_VALUES: &[&str] =
    &["simple", "exec", "forking", "oneshot", "dbus", "notify", "notify-reload", "idle"];
const NOTIFY_VALUES: &[&str] = &["none", "main", "exec", "all"];

/// Signal names systemd accepts in exit-status lists (with or without `SIG`).
const SIGNALS: &[&str] = &[
    "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
    "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
    "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS",
];

/// Exit-status names (without `EXIT_`/`EX_`): generic, LSB and BSD `sysexits.h` ones, plus the
/// systemd-specific ones most likely to be written by hand.
const STATUS_NAMES: &[(&str, u32)] = &[
    ("SUCCESS", 0),
    ("FAILURE", 1),
    ("INVALIDARGUMENT", 2),
    ("NOTIMPLEMENTED", 3),
    ("NOPERMISSION", 4),
    ("NOTINSTALLED", 5),
    ("NOTCONFIGURED", 6),
    ("NOTRUNNING", 7),
    ("USAGE", 64),
    ("DATAERR", 65),
    ("NOINPUT", 66),
    ("NOUSER", 67),
    ("NOHOST", 68),
    ("UNAVAILABLE", 69),
    ("SOFTWARE", 70),
    ("OSERR", 71),
    ("OSFILE", 72),
    ("CANTCREAT", 73),
    ("IOERR", 74),
    ("TEMPFAIL", 75),
    ("PROTOCOL", 76),
    ("NOPERM", 77),
    ("CONFIG", 78),
    ("CHDIR", 200),
    ("NICE", 201),
    ("FDS", 202),
    ("EXEC", 203),
    ("MEMORY", 204),
    ("LIMITS", 205),
    ("OOM_ADJUST", 206),
    ("SIGNAL_MASK", 207),
    ("STDIN", 208),
    ("STDOUT", 209),
    ("CHROOT", 210),
    ("IOPRIO", 211),
    ("TIMERSLACK", 212),
    ("SECUREBITS", 213),
    ("SETSCHEDULER", 214),
    ("CPUAFFINITY", 215),
    ("GROUP", 216),
    ("USER", 217),
    ("CAPABILITIES", 218),
    ("CGROUP", 219),
    ("SETSID", 220),
    ("CONFIRM", 221),
    ("STDERR", 222),
    ("PAM", 224),
    ("NETWORK", 225),
    ("NAMESPACE", 226),
    ("NO_NEW_PRIVILEGES", 227),
    ("SECCOMP", 228),
    ("SELINUX_CONTEXT", 229),
    ("PERSONALITY", 230),
    ("APPARMOR_PROFILE", 231),
    ("ADDRESS_FAMILIES", 232),
    ("RUNTIME_DIRECTORY", 233),
    ("CHOWN", 235),
    ("SMACK_PROCESS_LABEL", 236),
    ("KEYRING", 237),
    ("STATE_DIRECTORY", 238),
    ("CACHE_DIRECTORY", 239),
    ("LOGS_DIRECTORY", 240),
    ("CONFIGURATION_DIRECTORY", 241),
];

/// A systemd time span in microseconds (`u64::MAX` for `infinity`): `90`, `1min 30s`, `5s`,
/// `100ms`, `1.5h`, `2d`. `None` when malformed (systemd would ignore the assignment).
pub(crate) fn parse_timespan(s: &str) -> Option<u64> {
    let s = s.trim_ws();
    if s == "infinity" {
        return Some(u64::MAX);
    }
    if s.is_empty() {
        return None;
    }
    let b = s.as_bytes();
    let mut i = 0usize;
    // Nanoseconds, in integers (no float parsing or formatting code in the page's wasm);
    // saturates where systemd's value would not fit anyway.
    let mut total: u128 = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let ns = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        let (whole, frac) = match s.get(ns..i)?.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s.get(ns..i)?, ""),
        };
        if (whole.is_empty() && frac.is_empty()) || frac.contains('.') {
            return None;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let us = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let mul: u128 = match s.get(us..i)? {
            "" | "s" | "sec" | "second" | "seconds" => 1_000_000_000,
            "us" | "usec" | "µs" => 1_000,
            "ms" | "msec" => 1_000_000,
            "m" | "min" | "minute" | "minutes" => 60_000_000_000,
            "h" | "hr" | "hour" | "hours" => 3_600_000_000_000,
            "d" | "day" | "days" => 86_400_000_000_000,
            "w" | "week" | "weeks" => 604_800_000_000_000,
            "M" | "month" | "months" => 2_629_800_000_000_000,
            "y" | "year" | "years" => 31_557_600_000_000_000,
            "ns" | "nsec" => 1,
            _ => return None,
        };
        // Digits past the 18th of a fraction are below a nanosecond's resolution here.
        let frac = &frac[..frac.len().min(18)];
        let digits =
            |d: &str| d.bytes().fold(0u128, |n, c| n.saturating_mul(10).saturating_add(u128::from(c - b'0')));
        let part = digits(whole)
            .saturating_mul(mul)
            .saturating_add(digits(frac) * mul / 10u128.pow(frac.len() as u32));
        total = total.saturating_add(part);
    }
    let micros = total.saturating_add(500) / 1000;
    Some(u64::try_from(micros).ok().filter(|&m| m < u64::MAX).unwrap_or(u64::MAX - 1))
}

/// One item of an `Environment=` line after systemd's unquoting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum EnvItem {
    /// `NAME=value`.
    Assign(String, String),
    /// A word that is not a valid assignment (ignored by systemd).
    Invalid(String),
    /// A quoting or escape error: systemd ignores the rest of the line from here.
    SyntaxError(String),
}

/// The items of an `Environment=` value as systemd reads them (`config_parse_environ`: words of
/// [`Mode::SystemdEnv`], then specifiers): quotes anywhere in a word, C escapes inside and outside
/// quotes, `%%` becomes `%` (other specifiers are kept as written). Items are `NAME=value` with
/// `NAME` of ASCII letters, digits and `_`, not starting with a digit. A bad escape or an
/// unbalanced quote ends the list: systemd ignores the rest of the line.
pub(crate) fn environment_items(value: &str) -> Vec<EnvItem> {
    let mut out = Vec::new();
    for w in shell::words(value, Mode::SystemdEnv) {
        if w.problem.is_some() {
            out.push(EnvItem::SyntaxError(value.get(w.raw.start as usize..).unwrap_or("").to_owned()));
            break;
        }
        let word = w.value.replace("%%", "%");
        match word.split_once('=') {
            Some((name, v)) if env_name_ok(name) => out.push(EnvItem::Assign(name.to_owned(), v.to_owned())),
            _ => out.push(EnvItem::Invalid(word)),
        }
    }
    out
}

fn env_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Parses one exit-status word: a number 0–255, a status name, or a signal name with or without
/// `SIG`.
fn status_word(w: &str) -> Option<Result<u32, String>> {
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse::<u32>().ok().filter(|c| *c <= 255).map(Ok);
    }
    let sig = w.strip_prefix("SIG").unwrap_or(w);
    if SIGNALS.contains(&sig) {
        return Some(Err(sig.to_owned()));
    }
    STATUS_NAMES.iter().find(|(n, _)| *n == w).map(|(_, c)| Ok(*c))
}

/// Levenshtein distance, capped for speed (returns `cap + 1` when above `cap`).
fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The known key an unknown key was probably meant to be (`Enviroment` → `Environment`):
/// edit distance ≤ 2 (≤ 1 for keys of five characters or fewer), ignoring case.
pub(crate) fn suggest_key(key: &str) -> Option<&'static str> {
    if key.len() < 3 || key.starts_with("X-") {
        return None;
    }
    let cap = if key.len() <= 5 { 1 } else { 2 };
    let lower = key.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for k in SERVICE_KEYS.iter().copied().chain(UNIT_KEYS.iter().copied()).chain(INSTALL_KEYS.iter().copied())
    {
        let d = edit_distance(&lower, &k.to_ascii_lowercase(), cap);
        let d = if d == 0 { 1 } else { d }; // differs only in case
        if d <= cap && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

fn is_known_key(key: &str) -> bool {
    SERVICE_KEYS.contains(&key) || UNIT_KEYS.contains(&key) || INSTALL_KEYS.contains(&key)
}

/// One source of unit settings, in application order.
#[derive(Clone, Copy)]
enum LayerSrc<'a> {
    File { input: usize, file: &'a UnitFileSyntax, set: &'a UnitSet },
    Show { input: usize, unit: &'a ShowUnit, doc: &'a ShowDoc },
}

#[derive(Clone, Copy)]
struct Layer<'a> {
    src: LayerSrc<'a>,
    /// A main file or `show` output (starts the unit afresh), not a drop-in.
    base: bool,
}

struct Group<'a> {
    name: Option<String>,
    layers: Vec<Layer<'a>>,
    masked: Option<Loc>,
}

impl Group<'_> {
    fn has_base(&self) -> bool {
        self.layers.iter().any(|l| l.base)
    }
    /// ExecStart mentions mysqld / mariadbd / mysqld_safe, or the name says MySQL.
    fn looks_like_mysqld(&self) -> bool {
        let name_says = self.name.as_deref().is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            n.contains("mysql") || n.contains("mariadb") || n.contains("percona")
        });
        name_says
            || self.layers.iter().any(|l| match l.src {
                LayerSrc::File { file, .. } => {
                    file.entries.iter().any(|e| e.key == "ExecStart" && mentions_mysqld(&e.value))
                }
                LayerSrc::Show { unit, .. } => {
                    unit.props.iter().any(|p| p.name.starts_with("ExecStart") && mentions_mysqld(&p.value))
                }
            })
    }
}

fn mentions_mysqld(s: &str) -> bool {
    s.contains("mysqld") || s.contains("mariadbd") || s.contains("mysqld_safe")
}

/// True for a file given without a path that only overrides (no `ExecStart=`, or one that starts
/// with a reset): treated as a drop-in when a unit precedes it.
fn override_only(f: &UnitFileSyntax) -> bool {
    f.entries.iter().find(|e| e.key == "ExecStart").is_none_or(|e| e.value.is_empty())
        && !f.sections.iter().any(|s| s.name == "Unit")
}

/// Builds `f.unit` from unit files, `systemctl cat` and `systemctl show` documents.
///
/// Files apply in document order (`systemctl cat` order, then inputs in order). Several units are
/// told apart by name; the mysqld one is chosen (its `ExecStart=` mentions mysqld, mariadbd or
/// mysqld_safe, or its name contains mysql/mariadb/percona; else the first). A main file or a
/// `systemctl show` block starts the unit afresh; drop-ins (by path, or a path-less file that only
/// overrides) apply on top, in order.
pub(crate) fn collect(f: &mut Facts, _sources: &[Source<'_>], docs: &[Document]) {
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut by_name = ByName::new();
    for d in docs {
        match &d.parsed {
            Parsed::Units(set) => {
                let cmd_unit = set.command.as_deref().and_then(sd::unit_from_command).map(|(u, _)| u);
                for file in &set.files {
                    let layer_src = LayerSrc::File { input: d.input, file, set };
                    let own_name =
                        file.unit_name().or_else(|| if set.from_cat { None } else { d.name.clone() });
                    let name = own_name.or_else(|| if file.path.is_none() { cmd_unit.clone() } else { None });
                    let dropin = file.dropin
                        || (file.path.is_none()
                            && !groups.is_empty()
                            && override_only(file)
                            && !set.from_cat);
                    place(&mut groups, &mut by_name, layer_src, name, dropin);
                }
                for note in &set.notes {
                    if note.kind == CatNoteKind::Masked {
                        let at = Loc { input: d.input, range: note.range };
                        match by_name.get(note.unit.as_str()).copied() {
                            Some(t) => groups[t].masked = Some(at),
                            None => push_group(
                                &mut groups,
                                &mut by_name,
                                Group { name: Some(note.unit.clone()), layers: vec![], masked: Some(at) },
                            ),
                        }
                    }
                }
            }
            Parsed::Show(doc) => {
                let cmd_unit = doc.command.as_deref().and_then(sd::unit_from_command).map(|(u, _)| u);
                for unit in &doc.units {
                    let name = unit.unit_name().or_else(|| cmd_unit.clone());
                    // `systemctl show -p MainPID,NRestarts`: a few properties on top of what is
                    // known, not the whole unit.
                    let partial = show_is_partial(unit, doc.command.as_deref());
                    place(
                        &mut groups,
                        &mut by_name,
                        LayerSrc::Show { input: d.input, unit, doc },
                        name,
                        partial,
                    );
                }
            }
            _ => {}
        }
    }
    if groups.is_empty() {
        return;
    }
    // Drop-ins of an unnamed unit given separately: merge orphan drop-in groups into it.
    let chosen = groups
        .iter()
        .position(|g| g.has_base() && g.looks_like_mysqld())
        .or_else(|| groups.iter().position(|g| g.looks_like_mysqld()))
        .or_else(|| groups.iter().position(Group::has_base))
        .unwrap_or(0);
    let mut layers = groups[chosen].layers.clone();
    let mut name = groups[chosen].name.clone();
    if groups[chosen].name.is_none() || !groups.iter().enumerate().any(|(i, g)| i != chosen && g.has_base()) {
        for (i, g) in groups.iter().enumerate() {
            if i != chosen && !g.has_base() && !g.layers.is_empty() {
                layers.extend(g.layers.iter().copied());
                if name.is_none() {
                    name.clone_from(&g.name);
                }
            }
        }
        crate::sort::sort_by_key(&mut layers, layer_order);
    }
    let mut uf = build(&layers);
    if uf.name.is_none() {
        uf.name = name;
    }
    uf.masked = groups[chosen].masked;
    f.unit = Some(uf);
}

/// Document order of a layer: (input, byte offset).
fn layer_order(l: &Layer<'_>) -> (usize, u32) {
    match l.src {
        LayerSrc::File { input, file, .. } => (input, file.range.start),
        LayerSrc::Show { input, unit, .. } => (input, unit.range.start),
    }
}

/// The last group of each name, kept beside `groups` so that placing a unit is one lookup, not a
/// scan of every group so far (issue 18: a `systemctl cat` of thousands of units was quadratic).
type ByName = std::collections::HashMap<String, usize>;

/// Pushes a new group, remembering its name.
fn push_group<'a>(groups: &mut Vec<Group<'a>>, by_name: &mut ByName, group: Group<'a>) {
    if let Some(n) = &group.name {
        by_name.insert(n.clone(), groups.len());
    }
    groups.push(group);
}

fn place<'a>(
    groups: &mut Vec<Group<'a>>,
    by_name: &mut ByName,
    src: LayerSrc<'a>,
    name: Option<String>,
    dropin: bool,
) {
    let layer = Layer { src, base: !dropin };
    if dropin {
        let target = match &name {
            Some(n) => groups
                .iter()
                .rposition(|g| g.name.as_deref().is_some_and(|gn| sd::dropin_applies(n, gn)))
                .or_else(|| groups.iter().rposition(|g| g.name.is_none())),
            None => groups.iter().rposition(Group::has_base).or(if groups.is_empty() {
                None
            } else {
                Some(groups.len() - 1)
            }),
        };
        match target {
            Some(t) => {
                if groups[t].name.is_none() {
                    groups[t].name = name.filter(|n| !n.contains("@."));
                    if let Some(n) = &groups[t].name {
                        let e = by_name.entry(n.clone()).or_insert(t);
                        *e = (*e).max(t);
                    }
                }
                groups[t].layers.push(layer);
            }
            None => push_group(groups, by_name, Group { name, layers: vec![layer], masked: None }),
        }
        return;
    }
    let same = name.as_deref().and_then(|n| by_name.get(n).copied());
    match same {
        Some(t) => groups[t].layers.push(layer),
        None => push_group(groups, by_name, Group { name, layers: vec![layer], masked: None }),
    }
}

/// Applies the layers in order. A base layer starts afresh.
fn build(layers: &[Layer<'_>]) -> UnitFacts {
    let start = layers.iter().rposition(|l| l.base).unwrap_or(0);
    let mut u = UnitFacts::default();
    let mut user: Option<bool> = None;
    for layer in layers.get(start..).unwrap_or(&[]) {
        match layer.src {
            LayerSrc::File { input, file, set } => {
                if let Some(p) = &file.path {
                    note_user(&mut user, p);
                }
                if set.command.as_deref().and_then(sd::unit_from_command).is_some_and(|(_, usr)| usr) {
                    user = Some(true);
                }
                if layer.base && u.name.is_none() {
                    u.name = file.unit_name();
                }
                apply_file(&mut u, input, file, layer.base);
            }
            LayerSrc::Show { input, unit, doc } => {
                if let Some(p) = unit.get("FragmentPath") {
                    note_user(&mut user, &p.value);
                }
                if doc.command.as_deref().and_then(sd::unit_from_command).is_some_and(|(_, usr)| usr) {
                    user = Some(true);
                }
                if layer.base {
                    apply_show(&mut u, input, unit);
                } else {
                    apply_show_partial(&mut u, input, unit);
                }
            }
        }
    }
    u.user_unit = user;
    finish(&mut u);
    u
}

/// Keeps the last assignment of each variable, in the order of those last assignments (the merge
/// pushes every assignment; deduplicating once keeps the merge linear).
fn dedupe_environment(env: &mut Vec<EnvVar>) {
    let mut seen = std::collections::HashSet::new();
    let mut keep = vec![false; env.len()];
    for (i, e) in env.iter().enumerate().rev() {
        keep[i] = seen.insert(e.name.clone());
    }
    let mut i = 0;
    env.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// A path under `…/systemd/user/` says user unit; another absolute path under `…/systemd/` says
/// system unit (unless a user path was already seen).
fn note_user(user: &mut Option<bool>, path: &str) {
    if sd::path_is_user(path) {
        *user = Some(true);
    } else if path.starts_with('/') && path.contains("/systemd/") && *user != Some(true) {
        *user = Some(false);
    }
}

/// Duplicate `ExecStart=` check, once `Type=` is final. The extra command lines stay in
/// `exec_start` (so rules can quote them) and each is also recorded as
/// `Ignored { DuplicateExecStart }`: systemd refuses to load such a unit.
fn finish(u: &mut UnitFacts) {
    dedupe_environment(&mut u.environment);
    if u.type_name() != "oneshot" && u.exec_start.len() > 1 && !u.from_show {
        for e in u.exec_start.iter().skip(1) {
            u.ignored.push(Ignored {
                key: "ExecStart".into(),
                value: e.value.clone(),
                reason: IgnoredReason::DuplicateExecStart,
                at: e.at,
            });
        }
    }
}

fn apply_file(u: &mut UnitFacts, input: usize, file: &UnitFileSyntax, base: bool) {
    let index = u.files.len();
    u.files.push(UnitFile { path: file.path.clone(), dropin: !base, at: Loc { input, range: file.range } });
    let loc = |r| Loc { input, range: r };
    // Commented-out directives, merged with the assignments in line order.
    let mut comments = file.comments.iter().filter_map(|c| c.directive.as_ref().map(|d| (c, d))).peekable();
    for e in &file.entries {
        while let Some((c, d)) = comments.next_if(|(c, _)| c.range.start < e.range.start) {
            commented(u, loc(c.range), d);
        }
        let section = file.section_of(e);
        let sname = section.map(|s| s.name.clone());
        u.directives.push(Directive {
            section: sname.clone().unwrap_or_default(),
            key: e.key.clone(),
            value: e.value.clone(),
            file: index,
            at: loc(e.range),
            value_at: loc(e.value_range),
        });
        let ignored =
            |reason| Ignored { key: e.key.clone(), value: e.value.clone(), reason, at: loc(e.range) };
        if e.key.starts_with("X-") {
            continue;
        }
        let valid_section = section.is_some_and(|s| s.valid);
        match sname.as_deref() {
            // Before any section, or in an unknown/malformed one: systemd drops it.
            _ if !valid_section => {
                let known = SERVICE_KEYS.contains(&e.key.as_str()) || UNIT_KEYS.contains(&e.key.as_str());
                let reason = IgnoredReason::WrongSection { section: sname.clone() };
                u.ignored.extend(known.then(|| ignored(reason)));
            }
            Some(s) if s.starts_with("X-") => {}
            Some("Service") => {
                if SERVICE_KEYS.contains(&e.key.as_str()) {
                    apply_service(u, e.key.as_str(), &e.value, loc(e.range), &ignored);
                } else if UNIT_KEYS.contains(&e.key.as_str()) || INSTALL_KEYS.contains(&e.key.as_str()) {
                    u.ignored.push(ignored(IgnoredReason::WrongSection { section: sname.clone() }));
                } else if let Some(k) = suggest_key(&e.key) {
                    u.ignored.push(ignored(IgnoredReason::Misspelt { suggestion: k.to_owned() }));
                }
            }
            Some("Unit") => {
                if UNIT_KEYS.contains(&e.key.as_str()) {
                    apply_unit(u, e.key.as_str(), &e.value, loc(e.range));
                } else if SERVICE_KEYS.contains(&e.key.as_str()) || INSTALL_KEYS.contains(&e.key.as_str()) {
                    u.ignored.push(ignored(IgnoredReason::WrongSection { section: sname.clone() }));
                } else if let Some(k) = suggest_key(&e.key) {
                    u.ignored.push(ignored(IgnoredReason::Misspelt { suggestion: k.to_owned() }));
                }
            }
            Some("Install") => {
                if INSTALL_KEYS.contains(&e.key.as_str()) {
                } else if SERVICE_KEYS.contains(&e.key.as_str()) || UNIT_KEYS.contains(&e.key.as_str()) {
                    u.ignored.push(ignored(IgnoredReason::WrongSection { section: sname.clone() }));
                } else if let Some(k) = suggest_key(&e.key) {
                    u.ignored.push(ignored(IgnoredReason::Misspelt { suggestion: k.to_owned() }));
                }
            }
            _ => {}
        }
    }
    for (c, d) in comments {
        commented(u, loc(c.range), d);
    }
}

fn commented(u: &mut UnitFacts, at: Loc, d: &sd::CommentedDirective) {
    if is_known_key(&d.key) {
        u.ignored.push(Ignored {
            key: d.key.clone(),
            value: d.value.clone(),
            reason: IgnoredReason::Commented,
            at,
        });
    }
}

fn set_status(set: &mut StatusSet, value: &str, at: Loc, invalid: &mut Vec<String>) {
    set.lines.push(at);
    if value.trim_ws().is_empty() {
        set.codes.clear();
        set.signals.clear();
        return;
    }
    for w in value.split_whitespace() {
        match status_word(w) {
            Some(Ok(c)) => {
                if set.code(c).is_none() {
                    set.codes.push(Valued::new(c, at));
                }
            }
            Some(Err(sig)) => {
                if !set.signals.iter().any(|s| s.value == sig) {
                    set.signals.push(Valued::new(sig, at));
                }
            }
            None => invalid.push(w.to_owned()),
        }
    }
}

fn apply_service(
    u: &mut UnitFacts,
    key: &str,
    value: &str,
    at: Loc,
    ignored: &dyn Fn(IgnoredReason) -> Ignored,
) {
    let v = || Some(Valued::new(value.to_owned(), at));
    let invalid = |u: &mut UnitFacts, what: &str| {
        let mut ig = ignored(IgnoredReason::InvalidValue);
        ig.value = what.to_owned();
        u.ignored.push(ig);
    };
    match key {
        "Type" => {
            if TYPE_VALUES.contains(&value) {
                u.service_type = v();
            } else {
                invalid(u, value);
            }
        }
        "Restart" => {
            if RESTART_VALUES.contains(&value) {
                u.restart = v();
            } else {
                invalid(u, value);
            }
        }
        "NotifyAccess" => {
            if NOTIFY_VALUES.contains(&value) {
                u.notify_access = v();
            } else {
                invalid(u, value);
            }
        }
        "ExecStart" => {
            if value.is_empty() {
                u.exec_start.clear();
            } else {
                u.exec_start.push(Valued::new(value.to_owned(), at));
            }
        }
        "Environment" => {
            if value.is_empty() {
                u.environment.clear();
                return;
            }
            for item in environment_items(value) {
                match item {
                    EnvItem::Assign(name, val) => {
                        u.environment.push(EnvVar { name, value: val, at });
                    }
                    EnvItem::Invalid(w) | EnvItem::SyntaxError(w) => invalid(u, &w),
                }
            }
        }
        "EnvironmentFile" => {
            if value.is_empty() {
                u.environment_files.clear();
            } else {
                u.environment_files.push(Valued::new(value.to_owned(), at));
            }
        }
        "UnsetEnvironment" => {
            if value.is_empty() {
                u.unset_environment.clear();
                return;
            }
            for item in environment_items(value) {
                let w = match item {
                    EnvItem::Assign(n, v) => format!("{n}={v}"),
                    EnvItem::Invalid(w) => w,
                    EnvItem::SyntaxError(w) => {
                        invalid(u, &w);
                        break;
                    }
                };
                u.unset_environment.push(Valued::new(w, at));
            }
        }
        "RestartPreventExitStatus" | "RestartForceExitStatus" | "SuccessExitStatus" => {
            let mut bad = Vec::new();
            let set = match key {
                "RestartPreventExitStatus" => &mut u.restart_prevent,
                "RestartForceExitStatus" => &mut u.restart_force,
                _ => &mut u.success_exit,
            };
            set_status(set, value, at, &mut bad);
            for w in bad {
                invalid(u, &w);
            }
        }
        "TimeoutSec" | "TimeoutStartSec" | "TimeoutStopSec" => {
            if parse_timespan(value).is_none() {
                invalid(u, value);
                return;
            }
            if key != "TimeoutStopSec" {
                u.timeout_start = v();
            }
            if key != "TimeoutStartSec" {
                u.timeout_stop = v();
            }
        }
        "RestartSec" => {
            if parse_timespan(value).is_some() {
                u.restart_sec = v();
            } else {
                invalid(u, value);
            }
        }
        "PIDFile" => u.pid_file = if value.is_empty() { None } else { v() },
        "User" => u.user = if value.is_empty() { None } else { v() },
        "StartLimitInterval" => u.start_limit_interval = v(),
        "StartLimitBurst" => u.start_limit_burst = v(),
        _ => {}
    }
}

fn apply_unit(u: &mut UnitFacts, key: &str, value: &str, at: Loc) {
    match key {
        "StartLimitIntervalSec" | "StartLimitInterval" => {
            u.start_limit_interval = Some(Valued::new(value.to_owned(), at))
        }
        "StartLimitBurst" => u.start_limit_burst = Some(Valued::new(value.to_owned(), at)),
        _ => {}
    }
}

/// True for a `systemctl show -p …` selection (the command says `-p`/`--property`, or, without the
/// command, the block lacks `Type=` and `Restart=`, which a whole `systemctl show` always prints):
/// what it leaves out is unknown rather than empty.
fn show_is_partial(unit: &ShowUnit, command: Option<&str>) -> bool {
    let selects = command
        .is_some_and(|c| c.split_whitespace().any(|w| w.starts_with("-p") || w.starts_with("--property")));
    selects || (unit.get("Type").is_none() && unit.get("Restart").is_none())
}

/// Applies the properties a partial `systemctl show` names (see [`show_is_partial`]) over what the
/// earlier layers said; the rest stays as it was.
fn apply_show_partial(u: &mut UnitFacts, input: usize, unit: &ShowUnit) {
    let mut whole = UnitFacts::default();
    apply_show(&mut whole, input, unit);
    let has = |name: &str| unit.get(name).is_some();
    u.from_show |= u.files.is_empty();
    if u.name.is_none() {
        u.name = whole.name;
    }
    for (name, dst, src) in [
        ("Type", &mut u.service_type, whole.service_type),
        ("Restart", &mut u.restart, whole.restart),
        ("NotifyAccess", &mut u.notify_access, whole.notify_access),
        ("PIDFile", &mut u.pid_file, whole.pid_file),
        ("User", &mut u.user, whole.user),
        ("RestartUSec", &mut u.restart_sec, whole.restart_sec),
        ("TimeoutStartUSec", &mut u.timeout_start, whole.timeout_start),
        ("TimeoutStopUSec", &mut u.timeout_stop, whole.timeout_stop),
        ("StartLimitBurst", &mut u.start_limit_burst, whole.start_limit_burst),
        ("StartLimitIntervalUSec", &mut u.start_limit_interval, whole.start_limit_interval),
    ] {
        if has(name) {
            *dst = src;
        }
    }
    if has("ExecStart") || has("ExecStartEx") {
        u.exec_start = whole.exec_start;
    }
    if has("Environment") {
        u.environment = whole.environment;
    }
    if has("EnvironmentFiles") {
        u.environment_files = whole.environment_files;
    }
    if has("UnsetEnvironment") {
        u.unset_environment = whole.unset_environment;
    }
    for (name, dst, src) in [
        ("RestartPreventExitStatus", &mut u.restart_prevent, whole.restart_prevent),
        ("RestartForceExitStatus", &mut u.restart_force, whole.restart_force),
        ("SuccessExitStatus", &mut u.success_exit, whole.success_exit),
    ] {
        if has(name) {
            *dst = src;
        }
    }
    let r = whole.runtime;
    for (dst, src) in [
        (&mut u.runtime.main_pid, r.main_pid),
        (&mut u.runtime.n_restarts, r.n_restarts),
        (&mut u.runtime.exec_main_code, r.exec_main_code),
        (&mut u.runtime.exec_main_status, r.exec_main_status),
        (&mut u.runtime.result, r.result),
        (&mut u.runtime.active_state, r.active_state),
        (&mut u.runtime.sub_state, r.sub_state),
    ] {
        if src.is_some() {
            *dst = src;
        }
    }
    if !r.drop_in_paths.is_empty() {
        u.runtime.drop_in_paths = r.drop_in_paths;
    }
}

/// Fills the unit from `systemctl show` (systemd's merged view; absent properties were empty).
fn apply_show(u: &mut UnitFacts, input: usize, unit: &ShowUnit) {
    u.from_show = true;
    let loc = |p: &show::Prop| Loc { input, range: p.range };
    // `--all` prints empty properties too: empty means unset.
    let val = |name: &str| {
        unit.get(name).filter(|p| !p.value.is_empty()).map(|p| Valued::new(p.value.clone(), loc(p)))
    };
    u.files.push(UnitFile {
        path: unit.get("FragmentPath").map(|p| p.value.clone()),
        dropin: false,
        at: Loc { input, range: unit.range },
    });
    if let Some(p) = unit.get("DropInPaths") {
        for path in p.value.split_whitespace() {
            u.files.push(UnitFile { path: Some(path.to_owned()), dropin: true, at: loc(p) });
            u.runtime.drop_in_paths.push(Valued::new(path.to_owned(), loc(p)));
        }
    }
    if u.name.is_none() {
        u.name = unit.unit_name();
    }
    u.service_type = val("Type");
    u.restart = val("Restart");
    u.notify_access = val("NotifyAccess");
    u.pid_file = val("PIDFile");
    u.user = val("User");
    u.restart_sec = val("RestartUSec");
    u.timeout_start = val("TimeoutStartUSec");
    u.timeout_stop = val("TimeoutStopUSec");
    u.start_limit_burst = val("StartLimitBurst");
    u.start_limit_interval = val("StartLimitIntervalUSec");
    let mut execs: Vec<Valued<String>> = unit
        .all("ExecStart")
        .filter_map(|p| show::parse_exec(&p.value).map(|c| Valued::new(c.as_unit_line(), loc(p))))
        .collect();
    if execs.is_empty() {
        execs = unit
            .all("ExecStartEx")
            .filter_map(|p| show::parse_exec(&p.value).map(|c| Valued::new(c.as_unit_line(), loc(p))))
            .collect();
    }
    u.exec_start = execs;
    u.environment.clear();
    for p in unit.all("Environment") {
        for w in shell::values(&p.value, Mode::Show) {
            if let Some((n, v)) = w.split_once('=') {
                u.environment.push(EnvVar { name: n.to_owned(), value: v.to_owned(), at: loc(p) });
            }
        }
    }
    u.environment_files = unit
        .all("EnvironmentFiles")
        .filter(|p| !p.value.trim_ws().is_empty())
        .map(|p| {
            let (path, ignore) = show::parse_env_file(&p.value);
            Valued::new(if ignore { format!("-{path}") } else { path }, loc(p))
        })
        .collect();
    u.unset_environment = unit
        .all("UnsetEnvironment")
        .flat_map(|p| shell::values(&p.value, Mode::Show).into_iter().map(move |w| Valued::new(w, loc(p))))
        .collect();
    for (name, set) in [
        ("RestartPreventExitStatus", &mut u.restart_prevent),
        ("RestartForceExitStatus", &mut u.restart_force),
        ("SuccessExitStatus", &mut u.success_exit),
    ] {
        *set = StatusSet::default();
        for p in unit.all(name) {
            set_status(set, &p.value, loc(p), &mut Vec::new());
        }
    }
    u.runtime.main_pid = val("MainPID");
    u.runtime.n_restarts = val("NRestarts");
    u.runtime.exec_main_code = val("ExecMainCode");
    u.runtime.exec_main_status = val("ExecMainStatus");
    u.runtime.result = val("Result");
    u.runtime.active_state = val("ActiveState");
    u.runtime.sub_state = val("SubState");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_of(inputs: &[(&str, &str)]) -> UnitFacts {
        let sources: Vec<Source<'_>> =
            inputs.iter().enumerate().map(|(i, (n, t))| Source::new(i, n, t)).collect();
        let docs: Vec<Document> = sources.iter().flat_map(crate::detect::split).collect();
        let mut f = Facts::default();
        collect(&mut f, &sources, &docs);
        f.unit.expect("a unit")
    }

    fn one(text: &str) -> UnitFacts {
        unit_of(&[("input 1", text)])
    }

    fn env(u: &UnitFacts) -> Vec<(String, String)> {
        u.environment.iter().map(|e| (e.name.clone(), e.value.clone())).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    fn reasons(u: &UnitFacts) -> Vec<(String, IgnoredReason)> {
        u.ignored.iter().map(|i| (i.key.clone(), i.reason.clone())).collect()
    }

    #[test]
    fn environment_quoting_later_wins_and_reset() {
        let u = one("[Service]\nEnvironment=A=1 \"B=x y\" C=\"q r\"\\tz 'D=$w 5'\nEnvironment=A=2\n\
             Environment=E=%%i 1X=bad\n");
        assert_eq!(env(&u), pairs(&[("B", "x y"), ("C", "q r\tz"), ("D", "$w 5"), ("A", "2"), ("E", "%i")]));
        assert_eq!(reasons(&u), [("Environment".to_owned(), IgnoredReason::InvalidValue)]);
        assert_eq!(u.ignored[0].value, "1X=bad");
        assert_eq!(u.env("A").map(|e| e.value.as_str()), Some("2"));

        let u = one("[Service]\nEnvironment=MYSQLD_PARENT_PID=1\nEnvironment=\nEnvironment=X=1\n");
        assert_eq!(env(&u), pairs(&[("X", "1")]));
        assert!(u.env("MYSQLD_PARENT_PID").is_none());

        // An unterminated quote: systemd ignores the rest of the line.
        let u = one("[Service]\nEnvironment=A=1 \"B=2\n");
        assert_eq!(env(&u), pairs(&[("A", "1")]));
        assert_eq!(u.ignored[0].reason, IgnoredReason::InvalidValue);
    }

    #[test]
    fn environment_continuation_lines() {
        let text = "[Service]\nEnvironment=A=1 \\\n# note\n    MYSQLD_PARENT_PID=1\n";
        let u = one(text);
        assert_eq!(env(&u), pairs(&[("A", "1"), ("MYSQLD_PARENT_PID", "1")]));
        let at = u.env("MYSQLD_PARENT_PID").expect("var").at;
        assert_eq!(crate::text::slice(text, at.range), "Environment=A=1 \\\n# note\n    MYSQLD_PARENT_PID=1");
    }

    #[test]
    fn restart_invalid_or_empty_keeps_previous() {
        let u = one("[Service]\nRestart=on-failure\nRestart=sometimes\nRestart=\n");
        assert_eq!(u.restart_policy(), "on-failure");
        let r = reasons(&u);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|(k, why)| k == "Restart" && *why == IgnoredReason::InvalidValue));
        let u = one("[Service]\nRestart=Always\n");
        assert_eq!(u.restart, None);
        assert_eq!(u.restart_policy(), "no");
    }

    #[test]
    fn exit_status_lists_merge_and_reset() {
        let u = one("[Service]\nSuccessExitStatus=75 SIGKILL\nSuccessExitStatus=TEMPFAIL TERM 300 bogus\n\
             RestartForceExitStatus=16\nRestartForceExitStatus=\nRestartForceExitStatus=16 SIGABRT\n\
             RestartPreventExitStatus=1\n");
        let codes: Vec<u32> = u.success_exit.codes.iter().map(|c| c.value).collect();
        let sigs: Vec<&str> = u.success_exit.signals.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(codes, [75]);
        assert_eq!(sigs, ["KILL", "TERM"]);
        assert_eq!(u.success_exit.lines.len(), 2);
        let bad: Vec<&str> = u.ignored.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(bad, ["300", "bogus"]);
        assert!(u.restart_force.code(16).is_some());
        assert_eq!(u.restart_force.signals[0].value, "ABRT");
        assert_eq!(u.restart_force.lines.len(), 3);
        assert!(u.restart_prevent.code(1).is_some());
    }

    #[test]
    fn exec_start_reset_and_duplicate() {
        let u = one("[Service]\nExecStart=/usr/sbin/mysqld\nExecStart=\nExecStart=/usr/sbin/mysqld --x\n");
        let cmds: Vec<&str> = u.exec_start.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(cmds, ["/usr/sbin/mysqld --x"]);
        assert!(u.ignored.is_empty());
        let u = one("[Service]\nExecStart=/a\nExecStart=/b\n");
        assert_eq!(reasons(&u), [("ExecStart".to_owned(), IgnoredReason::DuplicateExecStart)]);
        assert_eq!(u.ignored[0].value, "/b");
        let u = one("[Service]\nType=oneshot\nExecStart=/a\nExecStart=/b\n");
        assert!(u.ignored.is_empty());
    }

    #[test]
    fn timeouts_and_start_limits() {
        let u = one("[Service]\nTimeoutStartSec=300\nTimeoutSec=0\n");
        assert_eq!(u.timeout_start.as_ref().map(|t| t.value.as_str()), Some("0"));
        assert_eq!(u.timeout_start_usec(), Some(u64::MAX));
        let u = one("[Service]\nTimeoutSec=infinity\nTimeoutStartSec=1min 30s\nTimeoutStopSec=5\n");
        assert_eq!(u.timeout_start_usec(), Some(90_000_000));
        assert_eq!(u.timeout_stop.as_ref().map(|t| t.value.as_str()), Some("5"));
        let u = one("[Service]\nTimeoutStartSec=soon\n");
        assert!(u.timeout_start.is_none());
        assert_eq!(u.ignored[0].reason, IgnoredReason::InvalidValue);

        let u = one("[Unit]\nStartLimitIntervalSec=60\nStartLimitBurst=3\n[Service]\nExecStart=/x\n");
        assert_eq!(u.start_limit_interval.as_ref().map(|v| v.value.as_str()), Some("60"));
        assert_eq!(u.start_limit_burst.as_ref().map(|v| v.value.as_str()), Some("3"));
        let u = one("[Service]\nStartLimitInterval=10s\nStartLimitBurst=5\n");
        assert_eq!(u.start_limit_interval.as_ref().map(|v| v.value.as_str()), Some("10s"));
        assert_eq!(u.start_limit_burst.as_ref().map(|v| v.value.as_str()), Some("5"));
    }

    #[test]
    fn ignored_lines_that_look_meant() {
        let u = unit_of(&[(
            "mysqld.service",
            "Environment=OUTSIDE=1\n[Unit]\nDescription=x\nEnvironment=IN_UNIT=1\n[Service]\n\
             #Environment=MYSQLD_PARENT_PID=1\n; Restart=always\n# just words\n\
             Enviroment=MYSQLD_PARENT_PID=1\nEnvironmnet=A=1\nRestartForceExitStatuses=16\n\
             environment=B=1\nStartLimitIntervalSec=5\nFooBarBaz=1\nX-Custom=1\n[Install]\nRestart=always\n",
        )]);
        let r = reasons(&u);
        let ws = |s: Option<&str>| IgnoredReason::WrongSection { section: s.map(str::to_owned) };
        let ms = |s: &str| IgnoredReason::Misspelt { suggestion: s.to_owned() };
        assert_eq!(
            r,
            [
                ("Environment".to_owned(), ws(None)),
                ("Environment".to_owned(), ws(Some("Unit"))),
                ("Environment".to_owned(), IgnoredReason::Commented),
                ("Restart".to_owned(), IgnoredReason::Commented),
                ("Enviroment".to_owned(), ms("Environment")),
                ("Environmnet".to_owned(), ms("Environment")),
                ("RestartForceExitStatuses".to_owned(), ms("RestartForceExitStatus")),
                ("environment".to_owned(), ms("Environment")),
                ("StartLimitIntervalSec".to_owned(), ws(Some("Service"))),
                ("Restart".to_owned(), ws(Some("Install"))),
            ]
        );
        assert!(u.environment.is_empty());
        assert!(u.restart.is_none());
        assert_eq!(u.directives.len(), 11);
        assert_eq!(u.directives[0].section, "");
    }

    #[test]
    fn cat_output_merges_dropins_in_order() {
        let text = "$ systemctl cat mysqld\n# /usr/lib/systemd/system/mysqld.service\n[Unit]\nDescription=MySQL\n\
[Service]\nType=notify\nExecStart=/usr/sbin/mysqld $MYSQLD_OPTS\nRestart=on-failure\n\
Environment=MYSQLD_PARENT_PID=1\n\n\
# /etc/systemd/system/mysqld.service.d/10-env.conf\n[Service]\nEnvironment=\nEnvironment=A=1\n\n\
# /etc/systemd/system/mysqld.service.d/20-restart.conf\n[Service]\nRestart=always\nExecStart=\n\
ExecStart=/usr/local/bin/wrap.sh\n";
        let u = one(text);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        assert_eq!(u.user_unit, Some(false));
        assert_eq!(u.files.len(), 3);
        assert_eq!(u.dropin_count(), 2);
        assert_eq!(u.files[2].path.as_deref(), Some("/etc/systemd/system/mysqld.service.d/20-restart.conf"));
        assert_eq!(env(&u), pairs(&[("A", "1")]));
        assert_eq!(u.restart_policy(), "always");
        assert_eq!(u.exec_start.len(), 1);
        assert_eq!(u.exec_start[0].value, "/usr/local/bin/wrap.sh");
        assert_eq!(u.type_name(), "notify");
        assert!(!u.from_show);
    }

    #[test]
    fn dropins_as_separate_inputs() {
        let main = "[Unit]\nDescription=MySQL\n[Service]\nExecStart=/usr/sbin/mysqld\nRestart=on-failure\n";
        let u = unit_of(&[("mysqld.service", main)]);
        assert!(u.env("MYSQLD_PARENT_PID").is_none());
        // A named drop-in.
        let u = unit_of(&[
            ("mysqld.service", main),
            (
                "/etc/systemd/system/mysqld.service.d/override.conf",
                "[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n",
            ),
        ]);
        assert_eq!(u.env("MYSQLD_PARENT_PID").map(|e| e.at.input), Some(1));
        assert_eq!(u.dropin_count(), 1);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        // Text that is only a [Service] override, unnamed, after an unnamed unit.
        let u = unit_of(&[("input 1", main), ("input 2", "[Service]\nRestartForceExitStatus=16\n")]);
        assert!(u.restart_force.code(16).is_some());
        assert!(u.files[1].dropin);
        // A drop-in pasted with its path as a comment (what `systemctl edit` users copy).
        let u = unit_of(&[
            ("input 1", main),
            ("input 2", "# /etc/systemd/system/mysqld.service.d/override.conf\n[Service]\nRestart=always\n"),
        ]);
        assert_eq!(u.restart_policy(), "always");
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        // A second full unit is not a drop-in.
        let u = unit_of(&[
            ("input 1", main),
            ("input 2", "[Unit]\nDescription=other\n[Service]\nExecStart=/usr/bin/other\n"),
        ]);
        assert_eq!(u.exec_start[0].value, "/usr/sbin/mysqld");
        assert_eq!(u.files.len(), 1);
    }

    #[test]
    fn several_units_pick_mysqld() {
        let text = "# /usr/lib/systemd/system/nginx.service\n[Service]\nExecStart=/usr/sbin/nginx\n\n\
# /etc/systemd/system/nginx.service.d/x.conf\n[Service]\nRestart=always\n\n\
# /lib/systemd/system/mysql.service\n[Service]\nExecStart=/usr/sbin/mysqld\n\n\
# /etc/systemd/system/mysql.service.d/override.conf\n[Service]\nRestart=no\n";
        let u = one(text);
        assert_eq!(u.name.as_deref(), Some("mysql.service"));
        assert_eq!(u.files.len(), 2);
        assert_eq!(u.restart_policy(), "no");
        assert!(u.restart.is_some());
    }

    #[test]
    fn template_dropins_apply_to_instances() {
        let text = "# /usr/lib/systemd/system/mysqld@.service\n[Service]\nExecStart=/usr/sbin/mysqld --defaults-group-suffix=@%I\n\n\
# /etc/systemd/system/mysqld@.service.d/env.conf\n[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n";
        let u = one(text);
        assert_eq!(u.name.as_deref(), Some("mysqld@.service"));
        assert!(u.env("MYSQLD_PARENT_PID").is_some());
    }

    #[test]
    fn show_output_fills_the_same_fields() {
        let text = "$ systemctl --user show mysqld\nId=mysqld.service\nNames=mysqld.service\nType=notify\n\
Restart=on-failure\nNotifyAccess=main\nRestartUSec=100ms\nTimeoutStartUSec=infinity\n\
RestartPreventExitStatus=1\nSuccessExitStatus=75 250 KILL\nMainPID=0\nNRestarts=2\nResult=exit-code\n\
ExecMainCode=1\nExecMainStatus=0\n\
ExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld $MYSQLD_OPTS ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n\
Environment=MYSQLD_PARENT_PID=1 \"LD_PRELOAD=/a b\"\nEnvironmentFiles=/etc/sysconfig/mysql (ignore_errors=yes)\n\
FragmentPath=/home/db/.config/systemd/user/mysqld.service\nDropInPaths=/home/db/.config/systemd/user/mysqld.service.d/a.conf\n";
        let u = one(text);
        assert!(u.from_show);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        assert_eq!(u.user_unit, Some(true));
        assert_eq!(u.type_name(), "notify");
        assert_eq!(u.restart_policy(), "on-failure");
        assert_eq!(u.exec_start[0].value, "/usr/sbin/mysqld $MYSQLD_OPTS");
        assert_eq!(env(&u), pairs(&[("MYSQLD_PARENT_PID", "1"), ("LD_PRELOAD", "/a b")]));
        assert_eq!(u.environment_files[0].value, "-/etc/sysconfig/mysql");
        assert_eq!(u.success_exit.codes.iter().map(|c| c.value).collect::<Vec<_>>(), [75, 250]);
        assert_eq!(u.success_exit.signals[0].value, "KILL");
        assert!(u.restart_prevent.code(1).is_some());
        assert_eq!(u.timeout_start_usec(), Some(u64::MAX));
        assert_eq!(u.runtime.n_restarts.as_ref().map(|v| v.value.as_str()), Some("2"));
        assert_eq!(u.dropin_count(), 1);
    }

    #[test]
    fn a_partial_show_adds_to_the_unit_instead_of_replacing_it() {
        let text = "$ systemctl cat mysqld\n# /etc/systemd/system/mysqld.service\n[Service]\nType=notify\n\
ExecStart=/usr/sbin/mysqld\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\n\
$ systemctl show -p MainPID,NRestarts,Restart mysqld\nMainPID=4242\nNRestarts=3\n";
        let u = one(text);
        assert!(!u.from_show, "the unit file is still the base");
        assert_eq!(u.type_name(), "notify");
        assert_eq!(u.restart_policy(), "on-failure");
        assert_eq!(u.exec_start[0].value, "/usr/sbin/mysqld");
        assert_eq!(env(&u), pairs(&[("MYSQLD_PARENT_PID", "1")]));
        assert_eq!(u.runtime.main_pid.as_ref().map(|v| v.value.as_str()), Some("4242"));
        assert_eq!(u.runtime.n_restarts.as_ref().map(|v| v.value.as_str()), Some("3"));
        // A partial show that names a property does override it.
        let text = format!("{text}$ systemctl show -p Restart mysqld\nRestart=always\n");
        let u = one(&text);
        assert_eq!(u.restart_policy(), "always");
        assert_eq!(u.type_name(), "notify");
        // A partial show alone still gives what it names.
        let u = one("$ systemctl show -p MainPID mysqld\nMainPID=7\n");
        assert!(u.from_show);
        assert_eq!(u.runtime.main_pid.as_ref().map(|v| v.value.as_str()), Some("7"));
        assert!(u.exec_start.is_empty());
    }

    #[test]
    fn show_all_prints_empty_properties() {
        let text = "$ systemctl show --all mysqld\nType=simple\nRestart=no\nPIDFile=\nUser=\n\
Environment=\nEnvironmentFiles=\nRestartForceExitStatus=\nExecStart=\nId=mysqld.service\n";
        let u = one(text);
        assert!(u.from_show);
        assert!(u.pid_file.is_none() && u.user.is_none());
        assert!(u.environment.is_empty() && u.environment_files.is_empty() && u.exec_start.is_empty());
        assert!(u.restart_force.codes.is_empty());
        assert_eq!(u.restart_policy(), "no");
    }

    #[test]
    fn names_from_commands_and_user_from_command() {
        let u = one("$ cat /etc/systemd/user/mysql.service\n[Service]\nExecStart=/usr/sbin/mysqld\n");
        assert_eq!(u.name.as_deref(), Some("mysql.service"));
        assert_eq!(u.user_unit, Some(true));
        let u = one("$ systemctl --user cat db\n[Service]\nExecStart=/usr/sbin/mysqld\n");
        assert_eq!(u.name.as_deref(), Some("db.service"));
        assert_eq!(u.user_unit, Some(true));
        let u = one("[Service]\nExecStart=/usr/sbin/mysqld\n");
        assert_eq!(u.name, None);
        assert_eq!(u.user_unit, None);
    }

    #[test]
    fn masked_unit() {
        let u = one("$ systemctl cat mysqld\n# Unit mysqld.service is masked.\n");
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        assert!(u.masked.is_some());
        assert!(u.exec_start.is_empty());
    }

    #[test]
    fn timespans_and_keys() {
        assert_eq!(parse_timespan("1min 30s"), Some(90_000_000));
        assert_eq!(parse_timespan("2min200ms"), Some(120_200_000));
        assert_eq!(parse_timespan("900"), Some(900_000_000));
        assert_eq!(parse_timespan("1.5h"), Some(5_400_000_000));
        assert_eq!(parse_timespan("infinity"), Some(u64::MAX));
        assert_eq!(parse_timespan(".5s"), Some(500_000));
        assert_eq!(parse_timespan("1.s"), Some(1_000_000));
        assert_eq!(parse_timespan("1.5us 1ns"), Some(2));
        assert_eq!(parse_timespan("0.0000000000000000000001s"), Some(0));
        assert_eq!(parse_timespan("99999999999999999999999y"), Some(u64::MAX - 1));
        assert_eq!(parse_timespan("."), None);
        assert_eq!(parse_timespan("1.2.3s"), None);
        assert_eq!(parse_timespan("5 fortnights"), None);
        assert_eq!(parse_timespan("5 parsecs"), None);
        assert_eq!(parse_timespan(""), None);
        assert_eq!(suggest_key("Enviroment"), Some("Environment"));
        assert_eq!(suggest_key("RestartForceExitStatuses"), Some("RestartForceExitStatus"));
        assert_eq!(suggest_key("Restrat"), Some("Restart"));
        assert_eq!(suggest_key("CompletelyUnknown"), None);
        assert_eq!(suggest_key("Foo"), None);
    }

    // ---- The real unit shapes (tests/fixtures/systemd) ----

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../../tests/fixtures/systemd/", $name))
        };
    }

    fn vals(list: &[Valued<String>]) -> Vec<&str> {
        list.iter().map(|v| v.value.as_str()).collect()
    }

    #[test]
    fn oracle_rpm_unit() {
        let u = unit_of(&[("/usr/lib/systemd/system/mysqld.service", fixture!("oracle-rpm-mysqld.service"))]);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        assert_eq!(u.user_unit, Some(false));
        assert_eq!(u.type_name(), "notify");
        assert_eq!(vals(&u.exec_start), ["/usr/sbin/mysqld $MYSQLD_OPTS"]);
        assert_eq!(env(&u), pairs(&[("MYSQLD_PARENT_PID", "1")]));
        assert_eq!(vals(&u.environment_files), ["-/etc/sysconfig/mysql"]);
        assert_eq!(u.restart_policy(), "on-failure");
        assert!(u.restart_prevent.code(1).is_some());
        assert!(u.restart_force.codes.is_empty());
        assert_eq!(u.timeout_start_usec(), Some(u64::MAX));
        assert_eq!(u.user.as_ref().map(|v| v.value.as_str()), Some("mysql"));
        assert!(u.ignored.is_empty(), "{:?}", u.ignored);
        // Evidence points at the line.
        let text = fixture!("oracle-rpm-mysqld.service");
        let e = u.env("MYSQLD_PARENT_PID").expect("env");
        assert_eq!(crate::text::slice(text, e.at.range), "Environment=MYSQLD_PARENT_PID=1");
    }

    #[test]
    fn oracle_rpm_template_unit() {
        let u =
            unit_of(&[("/usr/lib/systemd/system/mysqld@.service", fixture!("oracle-rpm-mysqld@.service"))]);
        assert_eq!(u.name.as_deref(), Some("mysqld@.service"));
        assert_eq!(vals(&u.exec_start), ["/usr/sbin/mysqld --defaults-group-suffix=@%I $MYSQLD_OPTS"]);
        assert!(u.env("MYSQLD_PARENT_PID").is_some());
    }

    #[test]
    fn deb_ubuntu_and_percona_units() {
        let u = unit_of(&[("/lib/systemd/system/mysql.service", fixture!("oracle-deb-mysql.service"))]);
        assert!(u.restart_force.code(16).is_some());
        assert_eq!(vals(&u.exec_start), ["/usr/sbin/mysqld"]);
        assert_eq!(u.timeout_start.as_ref().map(|v| v.value.as_str()), Some("0"));

        let u = unit_of(&[("/lib/systemd/system/mysql.service", fixture!("ubuntu-mysql.service"))]);
        assert!(u.restart_force.codes.is_empty() && u.restart_prevent.codes.is_empty());
        assert_eq!(u.pid_file.as_ref().map(|v| v.value.as_str()), Some("/run/mysqld/mysqld.pid"));
        assert_eq!(u.timeout_start_usec(), Some(u64::MAX));
        assert_eq!(u.restart_policy(), "on-failure");

        let u = unit_of(&[("/lib/systemd/system/mysql.service", fixture!("percona-deb-mysql.service"))]);
        assert_eq!(vals(&u.environment_files), ["-/etc/default/mysql"]);
        assert_eq!(u.timeout_start_usec(), Some(600_000_000));
        assert!(u.restart_force.code(16).is_some() && u.restart_prevent.code(1).is_some());
        assert!(u.env("MYSQLD_PARENT_PID").is_some());
    }

    #[test]
    fn mariadb_unit() {
        let u = unit_of(&[("/usr/lib/systemd/system/mariadb.service", fixture!("mariadb.service"))]);
        assert_eq!(u.name.as_deref(), Some("mariadb.service"));
        assert_eq!(
            vals(&u.exec_start),
            ["/usr/sbin/mariadbd $MYSQLD_OPTS $_WSREP_NEW_CLUSTER $_WSREP_START_POSITION"]
        );
        assert_eq!(u.restart_policy(), "on-abnormal");
        assert!(u.environment.is_empty());
        assert_eq!(u.timeout_start_usec(), Some(900_000_000));
        assert_eq!(u.restart_sec.as_ref().map(|v| v.value.as_str()), Some("5s"));
        // The continued ExecStartPre= is one directive over three lines.
        let pre: Vec<&Directive> = u.directives.iter().filter(|d| d.key == "ExecStartPre").collect();
        assert_eq!(pre.len(), 2);
        assert!(pre[1].value.contains("galera_recovery`; [ $? -eq 0 ]"));
        // The commented examples in the header are reported as commented-out directives.
        let commented: Vec<&str> = u
            .ignored
            .iter()
            .filter(|i| i.reason == IgnoredReason::Commented)
            .map(|i| i.key.as_str())
            .collect();
        assert_eq!(commented, ["LimitNOFILE", "ExecStartPre"]);
    }

    #[test]
    fn old_forking_unit() {
        let u = unit_of(&[("/usr/lib/systemd/system/mysqld.service", fixture!("forking-daemonize.service"))]);
        assert_eq!(u.type_name(), "forking");
        assert!(u.exec_start[0].value.contains("--daemonize"));
        assert!(u.restart_force.code(16).is_some());
        assert_eq!(u.pid_file.as_ref().map(|v| v.value.as_str()), Some("/var/run/mysqld/mysqld.pid"));
    }

    #[test]
    fn cat_fixture_with_two_dropins() {
        let text = fixture!("cat-two-dropins.txt");
        let u = one(text);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        let paths: Vec<&str> = u.files.iter().filter_map(|f| f.path.as_deref()).collect();
        assert_eq!(
            paths,
            [
                "/usr/lib/systemd/system/mysqld.service",
                "/etc/systemd/system/mysqld.service.d/10-limits.conf",
                "/etc/systemd/system/mysqld.service.d/override.conf"
            ]
        );
        // override.conf resets Environment= (dropping MYSQLD_PARENT_PID and TZ) and sets two variables
        // over a continuation line.
        assert_eq!(
            env(&u),
            pairs(&[("MALLOC_ARENA_MAX", "2"), ("LD_PRELOAD", "/usr/lib64/libjemalloc.so.2")])
        );
        assert!(u.env("MYSQLD_PARENT_PID").is_none());
        assert_eq!(vals(&u.exec_start), ["/usr/sbin/mysqld --defaults-file=/etc/my.cnf $MYSQLD_OPTS"]);
        assert_eq!(u.timeout_start.as_ref().map(|v| v.value.as_str()), Some("900"));
        assert_eq!(u.timeout_stop.as_ref().map(|v| v.value.as_str()), Some("0"));
        assert_eq!(u.ignored.len(), 1, "{:?}", u.ignored);
        assert_eq!(
            (u.ignored[0].key.as_str(), &u.ignored[0].reason),
            ("Environment", &IgnoredReason::Commented)
        );
        let reset = u.directives.iter().filter(|d| d.key == "Environment" && d.value.is_empty()).count();
        assert_eq!(reset, 1);
        assert_eq!(u.directives.last().map(|d| d.file), Some(2));
    }

    #[test]
    fn show_fixture() {
        let u = one(fixture!("show-mysqld.txt"));
        assert!(u.from_show);
        assert_eq!(u.name.as_deref(), Some("mysqld.service"));
        assert_eq!(u.user_unit, Some(false));
        assert_eq!(vals(&u.exec_start), ["/usr/sbin/mysqld $MYSQLD_OPTS"]);
        assert_eq!(
            env(&u),
            pairs(&[
                ("MYSQLD_PARENT_PID", "1"),
                ("MALLOC_CONF", "background_thread:true,dirty_decay_ms:1000")
            ])
        );
        assert!(u.restart_force.code(16).is_some());
        assert_eq!(u.success_exit.signals[0].value, "KILL");
        assert_eq!(u.start_limit_burst.as_ref().map(|v| v.value.as_str()), Some("5"));
        assert_eq!(u.start_limit_interval.as_ref().map(|v| v.value.as_str()), Some("10s"));
        assert_eq!(u.runtime.main_pid.as_ref().map(|v| v.value.as_str()), Some("1843"));
        assert_eq!(u.dropin_count(), 1);
    }

    #[test]
    fn seed_and_fix() {
        let seed = fixture!("handwritten-seed.service");
        let u = unit_of(&[("input 1", seed)]);
        assert!(u.env("MYSQLD_PARENT_PID").is_none());
        assert_eq!(u.restart_policy(), "on-failure");
        let u = unit_of(&[("input 1", seed), ("override.conf", fixture!("seed-fix-override.conf"))]);
        assert_eq!(u.env("MYSQLD_PARENT_PID").map(|e| (e.value.as_str(), e.at.input)), Some(("1", 1)));
        assert!(u.restart_force.code(16).is_some());
        assert_eq!(u.files.len(), 2);
        assert!(u.files[1].dropin);
    }

    #[test]
    fn ignored_lines_fixture() {
        let u = unit_of(&[("/etc/systemd/system/mysqld.service", fixture!("ignored-lines.service"))]);
        let r = reasons(&u);
        let ws = |s: Option<&str>| IgnoredReason::WrongSection { section: s.map(str::to_owned) };
        assert_eq!(
            r,
            [
                ("Environment".to_owned(), ws(None)),
                ("Environment".to_owned(), ws(Some("Unit"))),
                ("Environment".to_owned(), IgnoredReason::Commented),
                ("Enviroment".to_owned(), IgnoredReason::Misspelt { suggestion: "Environment".into() }),
                (
                    "RestartForceExitStatuses".to_owned(),
                    IgnoredReason::Misspelt { suggestion: "RestartForceExitStatus".into() }
                ),
                ("Restart".to_owned(), IgnoredReason::InvalidValue),
            ]
        );
        assert!(u.environment.is_empty());
        assert_eq!(u.restart_policy(), "on-failure");
        assert!(u.restart_force.codes.is_empty());
        // No inline comments: the value keeps "# raise…".
        let d = u.directives.iter().find(|d| d.key == "LimitNOFILE").expect("LimitNOFILE");
        assert_eq!(d.value, "10000 # raise for many tables");
    }

    #[test]
    fn transcript_fixture_and_user_unit() {
        let u = one(fixture!("transcript.txt"));
        assert_eq!(u.name.as_deref(), Some("mysql.service"));
        assert_eq!(u.files.len(), 2);
        assert!(u.environment.is_empty(), "override.conf resets Environment=");
        let u = one(fixture!("user-unit-cat.txt"));
        assert_eq!(u.user_unit, Some(true));
        assert_eq!(u.name.as_deref(), Some("mysqld-sandbox.service"));
    }

    #[test]
    fn line_endings_bom_and_tabs_do_not_change_facts() {
        let text = fixture!("cat-two-dropins.txt");
        let crlf = text.replace('\n', "\r\n");
        // Tabs around the first "=" of each line and as indentation.
        let tabs: String = text
            .lines()
            .map(|l| {
                if l.starts_with(' ') {
                    format!("{l}\n")
                } else {
                    format!("\t{}\n", l.replacen('=', "\t=\t", 1))
                }
            })
            .collect();
        for variant in [crlf.as_str(), tabs.as_str()] {
            let u = one(variant);
            assert_eq!(
                env(&u),
                pairs(&[("MALLOC_ARENA_MAX", "2"), ("LD_PRELOAD", "/usr/lib64/libjemalloc.so.2")])
            );
            assert_eq!(u.files.len(), 3);
            assert_eq!(u.restart_policy(), "on-failure");
        }
    }
}
