# Container state (en): docker ps, docker inspect, kubectl describe pod / get pod

# Document labels
doc.docker-ps = docker ps {name}
doc.docker-inspect = docker inspect {name}
doc.kubectl-pod = kubectl pod {name}

# Syntax problems
cstate.problem-truncated = The JSON stops before it is complete (at line {line}): the paste was probably cut off. What it holds up to there was read.
cstate.problem-json = line {line}: this is not valid JSON ({error}); the values before this point were read.
cstate.problem-yaml = line {line}: YAML anchors, aliases or flow mappings are not followed; their values were kept as written.
