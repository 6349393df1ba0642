# MySQL Shell transcripts and Group Replication clone recovery (en)
doc.mysqlsh = MySQL Shell transcript {name}
shell.doc.operation = MySQL Shell {operation}
# What to do after starting a server by hand when its clone was a Group Replication distributed
# recovery (runtime-and-launchers.md §5.4: the manual's "Cloning for Distributed Recovery"; §4.3
# for the Shell's rescan advice). Messages for the restart verdict's notes and fixes.
shell.gr-after-manual-start-on-boot = The clone was a Group Replication distributed recovery. With group_replication_start_on_boot=ON (and the other Group Replication settings in an option file or SET PERSIST), the member rejoins the group by itself once the server is started.
shell.gr-after-manual-start-manual = The clone was a Group Replication distributed recovery. With group_replication_start_on_boot=OFF, run START GROUP_REPLICATION once the server is started: the member does not rejoin by itself.
shell.rescan-advice = After starting the server by hand, run <Cluster>.rescan() in MySQL Shell ({instance}) so that the cluster metadata takes in the member, as the Shell's warning says.
