"""Loading and validating the inputs: the parameter file (the edition) and data/."""
