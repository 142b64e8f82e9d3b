# examples/accel_activity.py on its scenario (rest, walking, running: .args): the ADC
# sampled at 50 Hz by a timer, the features computed by ulab, each second classified.
# The output is rtpy's own (a simulated board): accel_example.py.exp.
exec(open("../../../examples/accel_activity.py").read())
