"""The interpreter tier: functions translated to Python, and the reference stepper."""
