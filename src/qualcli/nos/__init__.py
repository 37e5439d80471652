"""National Occupational Standards: the shipped catalogue plus what plugins register."""
