"""What the tests of minios share: boot it on a disk with a command line and
take the console's output after the banner."""
from __future__ import annotations

from pvm.tools.boot import boot


def run(disk: str, cmds: str, tier: str = "interp", **kw) -> tuple:
    """(status, output after the banner) of `pvm boot --run CMDS --disk DISK`."""
    r = boot(run=cmds, tier=tier, disk=disk, deterministic=True, **kw)
    out = r.stdout.decode()
    assert "Traceback" not in out + r.stderr.decode(), out + r.stderr.decode()
    assert out.startswith("minios: "), out          # the banner
    return r.status, out.split("\n", 1)[1]
