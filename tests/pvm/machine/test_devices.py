"""The device models, driven through the bus as guest loads and stores would
be, with a fake machine (instruction count, interrupts, timer deadline) and
a real GuestMemory for the disk's DMA.  No CPU or tier is involved."""
from __future__ import annotations

import io
import os
import time

import pytest

from pvm.abi import memmap as M
from pvm.bytecode.program import TEXT_BASE
from pvm.machine.devices import Bus, PowerOff, make_devices
from pvm.machine.devices.bus import DeviceModel
from pvm.machine.memory import GuestMemory
from pvm.machine.traps import GuestExit, SegFault

DATA_BASE = TEXT_BASE + 0x10000
SECTOR = M.DISK_SECTOR_SIZE


class FakeMachine:
    """What the devices see of the machine; records what they ask of it."""

    def __init__(self):
        self.icount = 0
        self.irqs: list[int] = []
        self.timer_interval: int | None = None    # the last set_timer
        self.memory = GuestMemory(bytearray(DATA_BASE + 0x10000), DATA_BASE)

    def raise_irq(self, line: int) -> None:
        self.irqs.append(line)

    def set_timer(self, interval: int) -> None:
        self.timer_interval = interval


def reg(device: str, register: str) -> int:
    return M.DEVICE[device].address(register)


def const(device: str, name: str) -> int:
    return {c.name: c.value for c in M.DEVICE[device].constants}[name]


@pytest.fixture
def host():
    return FakeMachine()


def board(host, stdin=b"", **kw) -> tuple[Bus, io.BytesIO]:
    out = io.BytesIO()
    stream = stdin if not isinstance(stdin, bytes) else io.BytesIO(stdin)
    return make_devices(host, stdin=stream, stdout=out, **kw), out


# ---- the bus: which addresses are registers -------------------------------------
def test_every_device_of_the_map_is_on_the_board(host):
    bus, _ = board(host)
    assert sorted(bus.devices) == sorted(d.name for d in M.DEVICES)


def test_each_model_handles_exactly_the_accesses_the_table_allows(host):
    bus, _ = board(host)
    for spec in M.DEVICES:
        model = bus.devices[spec.name]
        handlers = {n for n in dir(model) if n.startswith(("read_", "write_"))}
        allowed = {f"{way}_{r.name.lower()}" for r in spec.registers
                   for way, letter in (("read", "r"), ("write", "w")) if letter in r.access}
        assert handlers == allowed, spec.name


def test_a_model_missing_a_register_is_refused_when_the_bus_is_built():
    class Broken(DeviceModel):
        spec = M.DEVICE["printer"]          # DATA is writable: write_data is missing

        def read_status(self):
            return 0
    with pytest.raises(AttributeError):
        Bus([Broken()])


def test_the_window_is_covered_and_nothing_else():
    assert Bus.covers(M.DEVICE_BASE) and Bus.covers(M.DEVICE_BASE + M.DEVICE_WINDOW_SIZE - 1)
    assert not Bus.covers(M.DEVICE_BASE - 1) and not Bus.covers(M.DEVICE_BASE + M.DEVICE_WINDOW_SIZE)
    assert not Bus.covers(DATA_BASE)


@pytest.mark.parametrize("address", [
    reg("console", "DATA") + 4,                         # inside a register
    reg("console", "CTRL") + 8,                         # past the last register
    M.DEVICE_BASE + M.DEVICE_PAGE_SIZE * len(M.DEVICES),  # a page with no device
    M.DEVICE_BASE - 8,                                  # below the window
])
def test_an_address_that_is_not_a_register_faults(host, address):
    bus, _ = board(host)
    with pytest.raises(SegFault) as read:
        bus.load(address, 8)
    assert (read.value.access, read.value.address) == ("read", address)
    with pytest.raises(SegFault) as write:
        bus.store(address, 8, 0)
    assert (write.value.access, write.value.address) == ("write", address)


@pytest.mark.parametrize("size", [0, 3, 16])
def test_an_access_of_another_width_faults(host, size):
    bus, _ = board(host)
    with pytest.raises(SegFault):
        bus.load(reg("disk", "SECTOR"), size)
    with pytest.raises(SegFault):
        bus.store(reg("disk", "SECTOR"), size, 1)


def test_the_wrong_direction_faults(host):
    bus, _ = board(host)
    with pytest.raises(SegFault) as e:
        bus.store(reg("timer", "COUNT"), 8, 5)          # read-only
    assert e.value.access == "write"
    with pytest.raises(SegFault) as e:
        bus.load(reg("disk", "COMMAND"), 8)             # write-only
    assert e.value.access == "read"
    with pytest.raises(SegFault):
        bus.load(reg("power", "HALT"), 8)


def test_narrow_loads_read_the_low_bytes_and_narrow_stores_zero_extend(host):
    bus, _ = board(host)
    addr = reg("disk", "ADDR")
    bus.store(addr, 8, 0x1122334455667788)
    assert [bus.load(addr, n) for n in (1, 2, 4)] == [0x88, 0x7788, 0x55667788]
    bus.store(addr, 8, -2)
    assert bus.load(addr, 8) == -2 and bus.load(addr, 4) == 0xFFFFFFFE
    bus.store(addr, 1, 0x1FF)
    assert bus.load(addr, 8) == 0xFF
    bus.store(addr, 4, -1)
    assert bus.load(addr, 8) == 0xFFFFFFFF
    bus.store(addr, 8, 1 << 63)                         # 8 bytes are a signed word
    assert bus.load(addr, 8) == -(1 << 63)


# ---- power ------------------------------------------------------------------------
def test_halt_powers_off_with_the_low_byte_as_exit_status(host):
    bus, _ = board(host)
    with pytest.raises(PowerOff) as e:
        bus.store(reg("power", "HALT"), 8, 0x1234)
    assert e.value.status == 0x34
    assert isinstance(e.value, GuestExit)               # the run loops end the run as on exit()


# ---- console ----------------------------------------------------------------------
def test_console_reads_input_then_reports_its_end(host):
    bus, _ = board(host, b"hi")
    ready, tx, eof = (const("console", n) for n in ("STATUS_RX_READY", "STATUS_TX_READY", "STATUS_RX_EOF"))
    assert bus.load(reg("console", "STATUS"), 8) == ready | tx
    assert bus.load(reg("console", "DATA"), 8) == ord("h")
    assert bus.load(reg("console", "STATUS"), 8) == ready | tx   # ended, but a byte is left
    assert bus.load(reg("console", "DATA"), 8) == ord("i")
    assert bus.load(reg("console", "DATA"), 8) == -1
    assert bus.load(reg("console", "STATUS"), 8) == tx | eof
    assert bus.load(reg("console", "DATA"), 1) == 0xFF           # -1's low byte


def test_console_writes_the_low_byte_to_the_output(host):
    bus, out = board(host)
    for value in (0x141, ord("\n"), -1):
        bus.store(reg("console", "DATA"), 8, value)
    assert out.getvalue() == b"A\n\xff"


@pytest.fixture
def pipe():
    r, w = os.pipe()
    reader = os.fdopen(r, "rb", buffering=0)
    yield reader, w
    reader.close()
    try:
        os.close(w)
    except OSError:
        pass


def test_console_input_that_is_not_ready_is_not_waited_for(host, pipe):
    reader, w = pipe
    bus, _ = board(host, reader)
    status = reg("console", "STATUS")
    assert bus.load(reg("console", "DATA"), 8) == -1
    assert bus.load(status, 8) == const("console", "STATUS_TX_READY")
    os.write(w, b"x")
    assert bus.load(status, 8) & const("console", "STATUS_RX_READY")
    assert bus.load(reg("console", "DATA"), 8) == ord("x")
    os.close(w)
    assert bus.load(status, 8) & const("console", "STATUS_RX_EOF")


def test_console_interrupts_when_input_arrives_and_when_it_ends(host, pipe):
    reader, w = pipe
    bus, _ = board(host, reader)
    bus.poll()
    os.write(w, b"a")
    bus.poll()
    assert host.irqs == []                              # not enabled
    bus.store(reg("console", "CTRL"), 8, const("console", "CTRL_RX_IRQ"))
    assert host.irqs == [M.IRQ_CONSOLE]                 # input already waiting is not lost
    assert bus.load(reg("console", "DATA"), 8) == ord("a")
    bus.poll()
    assert host.irqs == [M.IRQ_CONSOLE]                 # nothing new
    os.write(w, b"b")
    bus.poll()
    assert host.irqs == [M.IRQ_CONSOLE] * 2
    assert bus.load(reg("console", "DATA"), 8) == ord("b")
    os.close(w)
    bus.poll()
    assert host.irqs == [M.IRQ_CONSOLE] * 3
    assert bus.load(reg("console", "CTRL"), 8) == const("console", "CTRL_RX_IRQ")


def test_waiting_for_console_input_blocks_at_most_the_timeout(host, pipe):
    reader, w = pipe
    bus, _ = board(host, reader)
    start = time.monotonic()
    assert bus.wait_for_input(0.05) is False
    assert time.monotonic() - start >= 0.04
    os.write(w, b"z")
    assert bus.wait_for_input(5) is True
    assert bus.load(reg("console", "DATA"), 8) == ord("z")


# ---- timer ------------------------------------------------------------------------
def test_timer_arms_the_machine_and_counts_instructions(host):
    bus, _ = board(host)
    host.icount = 50
    assert bus.load(reg("timer", "COUNT"), 8) == 50
    bus.store(reg("timer", "INTERVAL"), 8, 100)
    assert host.timer_interval == 100 and bus.load(reg("timer", "INTERVAL"), 8) == 100
    host.icount = 150                                   # the deadline, exactly
    bus.timer_fired()
    assert host.irqs == [M.IRQ_TIMER] and host.timer_interval == 100
    host.icount = 260                                   # taken 10 late: the next is still 350
    bus.timer_fired()
    assert host.irqs == [M.IRQ_TIMER] * 2 and host.timer_interval == 90
    host.icount = 1000                                  # deadlines missed: the next after now
    bus.timer_fired()
    assert host.irqs == [M.IRQ_TIMER] * 3 and host.timer_interval == 50


def test_writing_the_interval_restarts_or_stops_the_timer(host):
    bus, _ = board(host)
    bus.store(reg("timer", "INTERVAL"), 8, 100)
    host.icount = 70
    bus.store(reg("timer", "INTERVAL"), 8, 100)
    assert host.timer_interval == 100                   # from now, not from the first write
    bus.store(reg("timer", "INTERVAL"), 8, 0)
    assert host.timer_interval == 0
    bus.timer_fired()                                   # a deadline from before the stop
    assert host.irqs == []
    bus.store(reg("timer", "INTERVAL"), 8, -5)
    assert host.timer_interval == 0 and bus.load(reg("timer", "INTERVAL"), 8) == 0


def test_timer_interrupts_once_per_interval_under_a_block_stepping_machine(host):
    # the machine runs blocks of 7 and takes the interrupt at the first boundary at or after it
    bus, _ = board(host)
    bus.store(reg("timer", "INTERVAL"), 8, 100)
    deadline, taken = host.timer_interval, []
    while host.icount < 1000:
        host.icount += 7
        if host.icount >= deadline:
            bus.timer_fired()
            taken.append(host.icount)
            deadline = host.icount + host.timer_interval
    assert len(taken) == 10 == len(host.irqs)
    assert all(0 <= t - 100 * (i + 1) < 7 for i, t in enumerate(taken))   # never early, never drifting


# ---- rtc --------------------------------------------------------------------------
def test_deterministic_rtc_is_the_instruction_count_at_the_nominal_rate(host):
    bus, _ = board(host, deterministic=True)
    host.icount = M.RTC_NOMINAL_RATE * 5 // 2           # two and a half seconds
    assert bus.load(reg("rtc", "SECONDS"), 8) == 2
    host.icount += M.RTC_NOMINAL_RATE                   # the pair is one sample
    assert bus.load(reg("rtc", "NANOS"), 8) == 500_000_000
    assert bus.load(reg("rtc", "NANOS"), 8) == 500_000_000  # a fresh sample on its own
    assert bus.load(reg("rtc", "SECONDS"), 8) == 3


def test_host_rtc_is_the_time_of_day(host):
    bus, _ = board(host)
    before = time.time()
    seconds = bus.load(reg("rtc", "SECONDS"), 8)
    nanos = bus.load(reg("rtc", "NANOS"), 8)
    assert 0 <= nanos < 10 ** 9
    assert before - 1 <= seconds + nanos / 1e9 <= time.time() + 1


# ---- disk -------------------------------------------------------------------------
@pytest.fixture
def image(tmp_path):
    path = tmp_path / "disk.img"
    path.write_bytes(b"".join(bytes([i]) * SECTOR for i in range(4)) + b"tail")   # 4 whole sectors
    return path


def disk_command(bus, command: str, sector: int, addr: int) -> int:
    bus.store(reg("disk", "SECTOR"), 8, sector)
    bus.store(reg("disk", "ADDR"), 8, addr)
    bus.store(reg("disk", "COMMAND"), 8, const("disk", command))
    return bus.load(reg("disk", "STATUS"), 8)


def test_disk_round_trip_through_guest_memory(host, image):
    bus, _ = board(host, disk=str(image))
    assert bus.load(reg("disk", "SECTORS"), 8) == 4
    buf = DATA_BASE + 0x100
    assert disk_command(bus, "COMMAND_READ", 2, buf) == const("disk", "STATUS_OK")
    assert host.memory.read(buf, SECTOR) == bytes([2]) * SECTOR
    pattern = bytes(range(256)) * 2
    host.memory.write(buf, pattern)
    assert disk_command(bus, "COMMAND_WRITE", 1, buf) == const("disk", "STATUS_OK")
    data = image.read_bytes()
    assert data[SECTOR:2 * SECTOR] == pattern                  # on the host file at once
    assert data[:SECTOR] == bytes(SECTOR) and data[2 * SECTOR:3 * SECTOR] == bytes([2]) * SECTOR
    assert bus.load(reg("disk", "SECTOR"), 8) == 1 and bus.load(reg("disk", "ADDR"), 8) == buf


@pytest.mark.parametrize("sector", [4, -1, 1 << 40])
def test_disk_refuses_a_sector_past_its_end(host, image, sector):
    bus, _ = board(host, disk=str(image))
    assert disk_command(bus, "COMMAND_READ", sector, DATA_BASE) == const("disk", "STATUS_BAD_SECTOR")


@pytest.mark.parametrize("command, addr", [
    ("COMMAND_READ", TEXT_BASE),                # read-only guest memory
    ("COMMAND_READ", DATA_BASE + 0x10000 - 8),  # runs past the end
    ("COMMAND_WRITE", 0),                       # below the text
    ("COMMAND_WRITE", M.DEVICE_BASE),           # no DMA to the devices
])
def test_disk_fails_a_bad_buffer_address_without_faulting(host, image, command, addr):
    bus, _ = board(host, disk=str(image))
    before = image.read_bytes()
    assert disk_command(bus, command, 0, addr) == const("disk", "STATUS_BAD_ADDR")
    assert image.read_bytes() == before


def test_no_disk_and_a_bad_command(host, image):
    bus, _ = board(host)
    assert bus.load(reg("disk", "SECTORS"), 8) == 0
    assert bus.load(reg("disk", "STATUS"), 8) == const("disk", "STATUS_NO_DISK")
    assert disk_command(bus, "COMMAND_READ", 0, DATA_BASE) == const("disk", "STATUS_NO_DISK")
    bus, _ = board(host, disk=str(image))
    bus.store(reg("disk", "COMMAND"), 8, 7)
    assert bus.load(reg("disk", "STATUS"), 8) == const("disk", "STATUS_BAD_COMMAND")


def test_disk_interrupts_on_completion_only_when_enabled(host, image):
    bus, _ = board(host, disk=str(image))
    disk_command(bus, "COMMAND_READ", 0, DATA_BASE)
    assert host.irqs == []
    bus.store(reg("disk", "CTRL"), 8, const("disk", "CTRL_DONE_IRQ"))
    disk_command(bus, "COMMAND_READ", 0, DATA_BASE)
    disk_command(bus, "COMMAND_READ", 9, DATA_BASE)             # a failed command completes too
    assert host.irqs == [M.IRQ_DISK] * 2


# ---- printer ----------------------------------------------------------------------
def test_printer_appends_to_its_file(host, tmp_path):
    path = tmp_path / "lp.txt"
    path.write_bytes(b"old\n")
    bus, _ = board(host, printer=str(path))
    assert bus.load(reg("printer", "STATUS"), 8) == const("printer", "STATUS_READY")
    for ch in b"new\n":
        bus.store(reg("printer", "DATA"), 8, ch | 0x100)
    assert path.read_bytes() == b"old\nnew\n"                   # there before the run stops
    bus.close()
    assert path.read_bytes() == b"old\nnew\n"


def test_printer_without_a_file_is_not_ready_and_drops_output(host):
    bus, out = board(host)
    assert bus.load(reg("printer", "STATUS"), 8) == 0
    bus.store(reg("printer", "DATA"), 8, ord("x"))
    assert out.getvalue() == b""


def test_close_releases_the_host_files(host, image, tmp_path):
    bus, _ = board(host, disk=str(image), printer=str(tmp_path / "lp"))
    disk, printer = bus.devices["disk"], bus.devices["printer"]
    bus.close()
    assert disk.file is None and printer.file is None
