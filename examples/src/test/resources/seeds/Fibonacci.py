# Seed 000: the fib() generator used in a for loop. The seed's loop never ends; this one stops
# after 10 numbers (the only change), so the program finishes.
import itertools

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i in itertools.islice(fib(), 10):
    print(i)
