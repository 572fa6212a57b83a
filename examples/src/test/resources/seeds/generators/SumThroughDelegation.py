# Seed 004, section 5: generator_2() delegates to generator_1() with 'yield from', which catches
# generator_1's StopIteration, hands its return value to generator_2 and starts the next round.
def generator_1():
    total = 0
    while True:
        x = yield
        print('加', x)
        if not x:
            break
        total += x
    return total

def generator_2():
    while True:
        total = yield from generator_1()
        print('加和总数是:', total)

def main():
    g2 = generator_2()
    g2.send(None)
    g2.send(2)
    g2.send(3)
    g2.send(None)

main()
