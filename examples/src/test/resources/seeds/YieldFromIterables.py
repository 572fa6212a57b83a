# Seed 004: 'yield from' over a range and a list, and over another generator.
def func():
    yield from range(1, 10)
    yield from [1, 2, 3]

for each in func():
    print(each)

def sub_gen():
    yield 1
    yield 2
    yield 3

def gen():
    return (yield from sub_gen())

def main():
    for val in gen():
        print(val)

main()
