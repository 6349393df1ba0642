# 容器状态 (zh-CN)：docker ps、docker inspect、kubectl describe pod / get pod

# 文档标签
doc.docker-ps = docker ps {name}
doc.docker-inspect = docker inspect {name}
doc.kubectl-pod = kubectl pod {name}

# 语法问题
cstate.problem-truncated = JSON 在完整结束之前中断（第 {line} 行）：粘贴的内容可能被截断。已读取截断之前的内容。
cstate.problem-json = 第 {line} 行：这不是有效的 JSON（{error}）；已读取此处之前的值。
cstate.problem-yaml = 第 {line} 行：不解析 YAML 锚点、别名或流式映射；其值按原样保留。
