"""The device models of the privileged machine (pvm/abi/memmap.py lists them).

bus       routes loads and stores in the device window to the registers
power     HALT: power off with an exit status (PowerOff)
console   UART-like console on the host's stdin and stdout
timer     IRQ_TIMER every INTERVAL executed instructions
rtc       the time of day: host time, or instruction-derived
disk      the minidisk: sectors of a host file, by DMA
printer   a line printer appending to a host file
board     make_devices: all of them on one Bus

The models hold device state only; the machine decides when guest code may
reach them (kernel mode), takes their interrupts and counts the time.
"""
from .board import MachineHost, make_devices
from .bus import Bus, DeviceModel
from .power import PowerOff

__all__ = ["Bus", "DeviceModel", "MachineHost", "PowerOff", "make_devices"]
