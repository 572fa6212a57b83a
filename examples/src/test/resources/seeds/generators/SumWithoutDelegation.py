# Seed 004, section 5: generator_1() driven directly; sent None it returns its total, so that
# send() raises StopIteration, which nothing catches: the program ends with a traceback.
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
    g1 = generator_1()
    g1.send(None)
    g1.send(2)
    g1.send(3)
    g1.send(None)

main()
