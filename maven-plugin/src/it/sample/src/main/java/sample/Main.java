package sample;

import dev.weft.Weft;
import java.util.List;

/** Runs the kitchen; with un-woven classes this fails at the first @Async call. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        for (String line : Weft.run(Kitchen.cook(List.of("eggs", "toast", "tea")))) {
            System.out.println(line);
        }
    }
}
