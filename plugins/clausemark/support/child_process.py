"""Work a C library does on an untrusted file, done in a child process under a memory
ceiling, so that what no count can foresee still cannot take the machine.

PDFium builds its objects from a PDF's structure, and a few bytes of structure can ask
for gigabytes: a page that draws one small form 20,000 times (1.1 KB of file: 9.6 s of
CPU and 1.2 GB), a font whose ToUnicode map turns each glyph into 10,000 characters
(51 KB: 100 million characters, and PDFium aborts the whole process, no line said;
attack12, session 11). Such amplifications are many (forms in forms, patterns, Type 3
glyphs ...) and happen inside PDFium, where the readers cannot count them beforehand.
So the reading runs in a forked child whose data segment may grow by at most the
limit's megabytes (RLIMIT_DATA: memory written, not address space merely reserved); a
child that runs out is refused in one line (`LimitError`), the parent untouched. The
child's result comes back pickled; an error it raises is raised here as it was.

A structure can also make the library loop without growing: one page listed a thousand
times in the page tree, its content a 64 MB run of operators that draw nothing, is read a
thousand times over in flat memory (hours of CPU). So the child may also be given a CPU
time (RLIMIT_CPU): past it the kernel stops it (SIGXCPU, then SIGKILL a second later) and
it is refused in one line naming that limit, with the seconds it was given.
Where the system has no fork (not Linux or macOS), the work runs in this process.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import signal
from collections.abc import Callable
from typing import TypeVar

from .limits import LIMITS, MB, LimitError

T = TypeVar("T")


def within_memory(
    limit_name: str, work: Callable[..., T], *args: object, cpu: tuple[str, int] | None = None
) -> T:
    """`work(*args)` run in a child process allowed `LIMITS[limit_name].most` MB more
    data than it starts with; a LimitError (place: none) when it needs more. `cpu`: (the
    limit's name, seconds) of CPU time the child may use, a LimitError of that name past it."""
    if not hasattr(os, "fork"):
        return work(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send its outcome, leave at once
        status = 0
        try:
            os.close(read_end)
            faulthandler.disable()  # PDFium aborting at the ceiling is expected, not a crash
            _cap_data(LIMITS[limit_name].most * MB)
            if cpu is not None:
                _cap_cpu(cpu[1])
            outcome: tuple[str, object]
            try:
                outcome = ("value", work(*args))
            except MemoryError:
                outcome = ("memory", None)
            except Exception as error:  # raised again in the parent, as it was
                outcome = ("error", error)
            try:
                sent = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as error:  # an error that does not pickle: its words
                sent = pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))
            with os.fdopen(write_end, "wb") as out:
                out.write(sent)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as incoming:
        received = incoming.read()
    _pid, status, usage = os.wait4(pid, 0)
    if not received and cpu is not None and _out_of_cpu(status, usage, cpu[1]):
        raise LimitError(cpu[0], None, most=cpu[1])
    if not received:  # killed (PDFium aborts when an allocation fails) or failed
        raise LimitError(limit_name, None)
    kind, value = pickle.loads(received)
    if kind == "memory":
        raise LimitError(limit_name, None)
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _cap_data(extra: int) -> None:
    """Let the data segment grow by `extra` bytes from what it holds now."""
    now = _data_bytes()
    if not now:
        return  # no /proc: left uncapped rather than capped at a guess
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    ceiling = now + extra
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft == resource.RLIM_INFINITY or ceiling < soft:
        resource.setrlimit(resource.RLIMIT_DATA, (ceiling, hard))


def _cap_cpu(seconds: int) -> None:
    """Let this (forked: its count starts at 0) process use `seconds` of CPU: the kernel
    sends SIGXCPU then, whose default ends it, and SIGKILL a second later. No core file is
    written for it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    unset = resource.RLIM_INFINITY
    hard = seconds + 1 if hard == unset else min(hard, seconds + 1)
    soft = seconds if soft == unset else min(soft, seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (min(soft, hard), hard))
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))


def _out_of_cpu(status: int, usage: resource.struct_rusage, seconds: int) -> bool:
    """Whether the child was stopped by its CPU time: ended by SIGXCPU, or SIGKILL once it
    had used it all."""
    if not os.WIFSIGNALED(status):
        return False
    stopped = os.WTERMSIG(status)
    used = usage.ru_utime + usage.ru_stime
    return stopped == signal.SIGXCPU or (stopped == signal.SIGKILL and used >= seconds)


def _data_bytes() -> int:
    """This process's data segment now (VmData), 0 where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
