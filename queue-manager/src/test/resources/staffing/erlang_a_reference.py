"""Independent Erlang A figures for ErlangATest (python3 with numpy and scipy).

The stationary distribution is summed in plain floating point; the service level is the probability
that the tagged caller's chain (callers ahead, answered, abandoned) is absorbed in "answered" by t,
from SciPy's matrix exponential; the ASA is E[wait; answered] = q T^-2 r over the share answered,
with T the chain's transient generator. None of it uses the beta-function recursion of ErlangA.
"""
import math

import numpy as np
from scipy.linalg import expm


def erlang_a(agents, calls_per_second, aht, patience, t, k=300):
    mu, theta = 1 / aht, 1 / patience
    log_p = [0.0]
    for n in range(1, agents + 1):
        log_p.append(log_p[-1] + math.log(calls_per_second / mu) - math.log(n))
    for j in range(1, k):
        log_p.append(log_p[-1] + math.log(calls_per_second) - math.log(agents * mu + j * theta))
    p = np.exp(np.array(log_p) - max(log_p))
    p /= p.sum()
    q = p[agents:]
    wait = q.sum()
    abandonment = theta * (np.arange(k) * q).sum() / calls_per_second
    generator = np.zeros((k + 2, k + 2))  # states 0..k-1 callers ahead, k answered, k+1 abandoned
    transient = np.zeros((k, k))
    to_answered = np.zeros(k)
    for i in range(k):
        down = i - 1 if i > 0 else k
        generator[i, down] += agents * mu + i * theta
        generator[i, k + 1] += theta
        generator[i, i] -= agents * mu + (i + 1) * theta
        if i > 0:
            transient[i, i - 1] = agents * mu + i * theta
        else:
            to_answered[i] = agents * mu
        transient[i, i] = -(agents * mu + (i + 1) * theta)
    service_level = p[:agents].sum() + (q * expm(generator * t)[:k, k]).sum()
    inverse = np.linalg.inv(transient)
    asa = (q @ inverse @ inverse @ to_answered) / (1 - abandonment)
    return wait, service_level, abandonment, asa


if __name__ == "__main__":
    print(erlang_a(14, 120 / 3600, 300, 120, 20))
    print(erlang_a(10, 120 / 3600, 300, 60, 20))
