package dev.weft.weave;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary contract between woven code and the runtime: every runtime class, method and field
 * that code written by this weaver names, built from the names in {@link RuntimeNames} (the same
 * constants the rewriters emit), together with {@link RuntimeNames#ABI_VERSION}. The agent's
 * {@code RuntimeContractTest} checks each entry against the runtime's real members by
 * reflection, and checks that woven samples name nothing outside this list, so a rename on
 * either side fails a test instead of a user's program. Adding a member here means woven code
 * now needs it: if an older runtime lacks it, raise the ABI version.
 *
 * <p>Immutable; safe on any thread.
 */
final class RuntimeContract {
    private RuntimeContract() {
    }

    /** What kind of member woven code uses, and how. */
    enum Kind {
        /** A class woven code allocates, casts to or names in a descriptor. */
        CLASS,
        /** A public static method, called with {@code invokestatic} (bootstraps included). */
        STATIC_METHOD,
        /** A public instance method, called with {@code invokevirtual}. */
        VIRTUAL_METHOD,
        /** A public constructor, called with {@code invokespecial} on a new object. */
        CONSTRUCTOR,
        /** A public instance field, read and written with {@code getfield}/{@code putfield}. */
        FIELD,
        /** A public static field, read with {@code getstatic}. */
        STATIC_FIELD
    }

    /**
     * One member woven code names.
     *
     * @param kind how it is used
     * @param owner the internal name of its class
     * @param name its name ({@code <init>} for constructors; the class's internal name for a class)
     * @param desc its descriptor (empty for a class)
     */
    record Member(Kind kind, String owner, String name, String desc) {
        @Override
        public String toString() {
            return kind + " " + owner + "." + name + desc;
        }
    }

    /** Every member woven code may name. */
    static final List<Member> MEMBERS = List.copyOf(members());

    private static List<Member> members() {
        List<Member> out = new ArrayList<>();
        String frame = RuntimeNames.FRAME;
        String object = "(Ljava/lang/Object;" + RuntimeNames.FRAME_DESC + ")Ljava/lang/Object;";
        for (String c : List.of(frame, RuntimeNames.FIELD_SLOT_FRAME, RuntimeNames.GENERATOR_FRAME,
                RuntimeNames.ASYNC_GENERATOR_FRAME, RuntimeNames.EAGER_FRAME, RuntimeNames.METHOD_INFO)) {
            out.add(new Member(Kind.CLASS, c, c, ""));
        }
        for (MethodKind k : MethodKind.values()) {
            out.add(new Member(Kind.CONSTRUCTOR, k.frameClass, "<init>", RuntimeNames.FRAME_INIT_DESC));
        }
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.AWAIT_ENTRY, RuntimeNames.AWAIT_ENTRY_DESC));
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.AWAIT_RETURN, RuntimeNames.AWAIT_ENTRY_DESC));
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.YIELD_ENTRY, object));
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.YIELD_FROM_ENTRY, object));
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.COMPLETED, RuntimeNames.COMPLETED_DESC));
        out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.GENERATOR_RETURN, RuntimeNames.GENERATOR_RETURN_DESC));
        out.add(new Member(Kind.VIRTUAL_METHOD, frame, RuntimeNames.RESUMED, RuntimeNames.RESUMED_DESC));
        out.add(new Member(Kind.VIRTUAL_METHOD, frame, RuntimeNames.NOT_RESUMABLE, RuntimeNames.NOT_RESUMABLE_DESC));
        out.add(new Member(Kind.VIRTUAL_METHOD, frame, RuntimeNames.RELEASE_ARGUMENT_SLOTS,
                RuntimeNames.RELEASE_ARGUMENT_SLOTS_DESC));
        out.add(new Member(Kind.FIELD, frame, RuntimeNames.STATE, "I"));
        out.add(new Member(Kind.STATIC_FIELD, frame, RuntimeNames.SUSPENDED, "Ljava/lang/Object;"));
        for (SlotKind k : SlotKind.values()) {
            if (k != SlotKind.NULL) {
                out.add(new Member(Kind.STATIC_METHOD, frame, RuntimeNames.SAVE_PREFIX + k.suffix, k.saverDesc()));
                out.add(new Member(Kind.VIRTUAL_METHOD, frame, RuntimeNames.GET_PREFIX + k.suffix, k.getterDesc()));
            }
        }
        for (int i = 0; i < RuntimeNames.FIELD_SLOTS; i++) {
            for (boolean ref : new boolean[] {false, true}) {
                out.add(new Member(Kind.FIELD, RuntimeNames.FIELD_SLOT_FRAME, SlotAccess.fieldName(ref, i),
                        SlotAccess.fieldDesc(ref)));
            }
        }
        out.add(new Member(Kind.STATIC_METHOD, RuntimeNames.BOOTSTRAPS, RuntimeNames.METHOD_INFO_BOOTSTRAP,
                RuntimeNames.METHOD_INFO_BOOTSTRAP_DESC));
        out.add(new Member(Kind.STATIC_METHOD, RuntimeNames.BOOTSTRAPS, RuntimeNames.INITIALIZE,
                RuntimeNames.INITIALIZE_DESC));
        out.add(new Member(Kind.STATIC_METHOD, RuntimeNames.EAGER_START, RuntimeNames.EAGER_START_NAME,
                RuntimeNames.EAGER_START_DESC));
        out.add(new Member(Kind.STATIC_METHOD, RuntimeNames.ABI, RuntimeNames.ABI_CHECK, RuntimeNames.ABI_CHECK_DESC));
        return out;
    }
}
