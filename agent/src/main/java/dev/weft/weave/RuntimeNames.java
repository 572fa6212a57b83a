package dev.weft.weave;

/**
 * The names of the runtime classes and members that woven code calls, as constant-pool
 * strings. The weaver never loads the runtime: it only needs these names, and the runtime's
 * {@code dev.weft.internal} package documents that they are shared with this file. Every member
 * woven code uses is listed, built from these names, in {@link RuntimeContract}, which a test
 * checks against the runtime's real classes.
 */
final class RuntimeNames {
    private RuntimeNames() {
    }

    static final String ASYNC_DESC = "Ldev/weft/annotation/Async;";
    static final String WOVEN_DESC = "Ldev/weft/internal/Woven;";

    /**
     * The version of the contract between woven code and the runtime that this weaver writes:
     * raise it whenever woven code starts to depend on a runtime member or behaviour an older
     * runtime lacks, and make the runtime's {@code Abi} accept it.
     */
    static final int ABI_VERSION = 2;
    static final String ABI = "dev/weft/internal/Abi";
    static final String ABI_CHECK = "check";
    static final String ABI_CHECK_DESC = "(ILjava/lang/Class;)V";

    static final String WEFT = "dev/weft/Weft";
    static final String AWAIT = "await";
    static final String DONE = "done";

    static final String YIELD = "yield";
    static final String YIELD_FROM = "yieldFrom";
    static final String GENERATOR = "dev/weft/Generator";
    static final String GENERATOR_DESC = "L" + GENERATOR + ";";
    static final String RETURNING = "returning";
    static final String GENERATOR_FRAME = "dev/weft/internal/GeneratorFrame";
    static final String YIELD_ENTRY = "yieldValue";
    static final String YIELD_FROM_ENTRY = "yieldFrom";
    static final String GENERATOR_RETURN = "generatorReturn";
    static final String GENERATOR_RETURN_DESC = "(Ljava/lang/Object;)Ljava/lang/Object;";

    static final String ASYNC_GENERATOR = "dev/weft/AsyncGenerator";
    static final String ASYNC_GENERATOR_DESC = "L" + ASYNC_GENERATOR + ";";
    static final String ASYNC_GENERATOR_FRAME = "dev/weft/internal/AsyncGeneratorFrame";
    static final String END = "end";

    static final String COROUTINE = "dev/weft/Coroutine";
    static final String COROUTINE_DESC = "L" + COROUTINE + ";";

    static final String FRAME = "dev/weft/internal/Frame";
    static final String FRAME_DESC = "L" + FRAME + ";";
    static final String FIELD_SLOT_FRAME = "dev/weft/internal/FieldSlotFrame";
    /** How many slots of each kind a {@code FieldSlotFrame} keeps in fields; its {@code FIELD_SLOTS}. */
    static final int FIELD_SLOTS = 4;
    static final String BODY = "dev/weft/internal/Body";
    /** Descriptor of every woven body: {@code Object name(Frame)}. */
    static final String BODY_DESC = "(" + FRAME_DESC + ")Ljava/lang/Object;";
    static final String METHOD_INFO = "dev/weft/internal/MethodInfo";
    static final String METHOD_INFO_DESC = "L" + METHOD_INFO + ";";
    /** Descriptor of every frame class's constructor, which woven factories call. */
    static final String FRAME_INIT_DESC = "(" + METHOD_INFO_DESC + ")V";
    /** The bootstrap linking a factory's {@code MethodInfo}. */
    static final String METHOD_INFO_BOOTSTRAP = "methodInfo";
    static final String METHOD_INFO_BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/String;II)"
            + "Ljava/lang/invoke/CallSite;";
    static final String RELEASE_ARGUMENT_SLOTS = "releaseArgumentSlots";
    static final String RELEASE_ARGUMENT_SLOTS_DESC = "(ZZ)V";
    /** Prefixes of the slot savers ({@code Frame.saveI(int, Frame, int)}) and getters ({@code getI(int)}). */
    static final String SAVE_PREFIX = "save";
    static final String GET_PREFIX = "get";
    /** Prefixes of {@code FieldSlotFrame}'s slot fields: {@code p0..}, {@code r0..}. */
    static final String PRIM_FIELD_PREFIX = "p";
    static final String REF_FIELD_PREFIX = "r";
    static final String BOOTSTRAPS = "dev/weft/internal/Bootstraps";
    /** The bootstrap that initialises a class where its moved {@code NEW} stood. */
    static final String INITIALIZE = "initialize";
    static final String INITIALIZE_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";

    static final String SUSPENDED = "SUSPENDED";
    static final String STATE = "state";
    /**
     * What a plain generator's body sets {@code state} to before it returns: how its
     * {@code GeneratorFrame} tells the end from a yield, which returns the yielded value.
     */
    static final int FINISHED_STATE = -1;
    static final String AWAIT_ENTRY = "await";
    static final String AWAIT_ENTRY_DESC = "(Ljava/lang/Object;" + FRAME_DESC + ")Ljava/lang/Object;";
    static final String AWAIT_RETURN = "awaitReturn";
    static final String COMPLETED = "completed";
    static final String COMPLETED_DESC = "(Ljava/lang/Object;)" + COROUTINE_DESC;
    static final String RESUMED = "resumed";
    static final String RESUMED_DESC = "()Ljava/lang/Object;";
    static final String NOT_RESUMABLE = "notResumable";
    static final String NOT_RESUMABLE_DESC = "()Ljava/lang/IllegalStateException;";

    /** Eager methods (ea-async's shape): their return types and their completing calls. */
    static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";
    static final String COMPLETABLE_FUTURE_DESC = "L" + COMPLETABLE_FUTURE + ";";
    static final String COMPLETION_STAGE_DESC = "Ljava/util/concurrent/CompletionStage;";
    static final String COMPLETED_FUTURE = "completedFuture";
    static final String COMPLETED_STAGE = "completedStage";
    static final String EAGER_FRAME = "dev/weft/internal/EagerFrame";
    /** What an eager method's factory returns: {@code EagerStart.start(frame)}. */
    static final String EAGER_START = "dev/weft/internal/EagerStart";
    static final String EAGER_START_NAME = "start";
    static final String EAGER_START_DESC = "(" + FRAME_DESC + ")" + COMPLETABLE_FUTURE_DESC;
}
