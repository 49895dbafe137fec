"""Where the tiers meet: the run loop, tier switching, and running a program."""
