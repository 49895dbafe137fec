"""Time is counted in instructions: the machine's clock and its events.

The tiers already count instructions against `m.fuel`, checking it at each
block start when the machine is metered (Machine.metered: a --fuel budget,
or a program that can take interrupts or read the clock; the interpreter
also under --profile); an unmetered run counts nothing, on either tier.  The clock
makes that counter "instructions until the next event": the next timer
deadline or the end of the --fuel budget, whichever comes first; what lies
beyond the next event is held back in `reserve`.  When fuel runs out the run
loop asks `expired()`: at a timer deadline the timer fires (its interrupt
becomes pending) and the fuel is refilled up to the next deadline; at the
end of the budget the run is out of fuel.

So an interrupt becomes pending at an exact instruction count on every
tier, and the run loop takes it at the first block boundary at or after
it: runs with the same input are the same, instruction for instruction.
"""
from __future__ import annotations


class Clock:
    def __init__(self, machine):
        self.m = machine
        self.reserve = 0                 # fuel held back beyond the next deadline
        self.interval = 0                # instructions between timer interrupts; 0: off
        self.on_timer = None             # called when a deadline passes (the timer device)

    @property
    def icount(self) -> int:
        """Instructions executed since power-on (exact between instructions)."""
        m = self.m
        return m.fuel_budget - m.fuel - self.reserve

    def set_timer(self, interval: int) -> None:
        """Fire every `interval` instructions from now (0: stop)."""
        m = self.m
        total = m.fuel + self.reserve
        self.interval = max(0, interval)
        m.fuel = min(total, self.interval) if self.interval else total
        self.reserve = total - m.fuel

    def expired(self) -> bool:
        """Fuel ran out: fire the timer and refill to the next deadline
        (True), or say the budget is spent (False)."""
        m = self.m
        if m.fuel > 0:
            return True
        if self.reserve <= 0:
            return False
        if self.interval and self.on_timer is not None:
            self.on_timer()
        total = m.fuel + self.reserve
        m.fuel = min(total, self.interval) if self.interval else total
        self.reserve = total - m.fuel
        return True

    def skip_to_deadline(self) -> bool:
        """WFI: let the clock jump to the next deadline (the instructions
        until then count as executed).  False if no timer is armed."""
        if not self.interval:
            return False
        self.m.fuel = 0
        return True
