/**
 * The weaver: turns {@code @Async} methods into resumable state machines. A pipeline of
 * single-purpose passes over ASM trees, sharing immutable records;
 * {@link dev.weft.weave.WeavePipeline} is the entry point, a pure {@code byte[] -> byte[]}
 * function that the java agent, the offline weaver and the build plugin all call.
 *
 * <h2>Before and after</h2>
 *
 * <p>This method (javac's bytecode on the right):
 *
 * <pre>{@code
 * @Async
 * static Coroutine<String> greet(Future<String> name) {     aload_0
 *     String n = Weft.await(name);                          invokestatic Weft.await(Future)
 *     return Weft.done("hello " + n);                       checkcast String; astore_1
 * }                                                         aload_1; invokedynamic concat
 *                                                           invokestatic Weft.done; areturn
 * }</pre>
 *
 * <p>is woven into a factory with the original signature, which only stores the argument in a
 * new frame (its {@code MethodInfo}, linked once by an {@code invokedynamic}, holds the body and
 * the slot counts):
 *
 * <pre>{@code
 * static Coroutine<String> greet(Future<String> name) {
 *     Frame frame = new Frame(<indy MethodInfo>);
 *     Frame.saveR(name, frame, 0);             // argument -> reference slot 0
 *     return frame;                            // runs nothing: the coroutine is lazy
 * }
 * }</pre>
 *
 * <p>and a synthetic body with the same name (another descriptor, so stack traces read
 * {@code greet}), which keeps javac's instructions, locals moved up by one for the frame:
 *
 * <pre>{@code
 * private static synthetic Object greet(Frame frame) {
 *     switch (frame.state) {                   // entry tableswitch (rewrite)
 *         case 0: break;                       // start
 *         case 1: goto RESUME_1;               // resume point 1
 *         default: throw frame.notResumable();
 *     }
 *     Future name = (Future) frame.getR(0);    // restore the argument
 *     frame.releaseArgumentSlots(...);         // clear it: no leak while suspended
 *     Object v = Frame.await(name, frame);     // was Weft.await(name)
 *     if (v == Frame.SUSPENDED) {              // save what is live (nothing here), set state
 *         frame.state = 1;
 *         return Frame.SUSPENDED;
 *     }
 *   AFTER_1:
 *     String n = (String) v;                   // javac's own checkcast, unchanged
 *     return "hello " + n;                     // Weft.done(x) removed: x is the result
 *   RESUME_1:
 *     v = frame.resumed();                     // the awaited value, or its exception thrown
 *     goto AFTER_1;
 * }
 * }</pre>
 *
 * <p>plus {@code Abi.check(1, Greeter.class)} at the start of the static initialiser and the
 * class-file marker {@code @Woven(abi = 1)} ({@link dev.weft.weave.WovenMarker}). A value live
 * across the await would be saved before {@code return Frame.SUSPENDED} into a typed slot and
 * restored after {@code RESUME_1}.
 *
 * <h2>The passes, in order, and which may change the tree</h2>
 *
 * <ol>
 *   <li><b>scan</b> ({@link dev.weft.weave.ScanPass}): finds the {@code @Async} methods and their
 *       await/yield call sites; rejects bad shapes with {@code Class.method(File.java:line)}.
 *       Reads the tree only; the refusals it returns are then written into the tree by
 *       {@link dev.weft.weave.RejectedCode} (a refused method throws its reason when called).
 *   <li><b>analyse</b> ({@link dev.weft.weave.AnalysePass}): a typed ASM {@code Analyzer}, one
 *       snapshot per suspension point (live locals, stack entries, uninitialised {@code NEW}s,
 *       monitors). Mutates the analysed method's code in one case: an object under
 *       construction across an await is moved after it ({@link dev.weft.weave.NewRelocation},
 *       pass 2a), and the method is analysed again.
 *   <li><b>layout</b> ({@link dev.weft.weave.LayoutPass}): a pure function from snapshots to the
 *       frame's typed slots; touches no tree.
 *   <li><b>rewrite</b> ({@link dev.weft.weave.RewritePass}): mutates the class. Replaces the
 *       method by its factory ({@link dev.weft.weave.FactoryBuilder}, a new {@code MethodNode})
 *       and turns the original instruction list, in place, into the body
 *       ({@link dev.weft.weave.BodyRewriter}: entry switch, save/restore, resume labels; line
 *       numbers and local-variable tables kept), then adds the bodies. The
 *       {@link dev.weft.weave.WovenMarker} annotation and ABI check are added after it.
 *   <li><b>verify</b> ({@link dev.weft.weave.VerifyPass}): ASM's {@code CheckClassAdapter} and a
 *       data-flow verifier over the written bytes; reads only. A method that fails here (or
 *       whose code grows past 64 KiB) is left unwoven and the class woven again without it.
 * </ol>
 *
 * <p>Depends on ASM (relocated inside the agent jar) and {@code java.base} only — never on the
 * runtime, whose entry points it knows by name ({@code RuntimeNames}) — and never loads the
 * classes it weaves or their supertypes.
 */
package dev.weft.weave;

/*
 * Role map: one line per file.
 *   WeavePipeline            the entry point: read, passes in order, write, verify, retry
 *   ScanPass, ScanResult, Sites, Rejection   pass 1 and what it finds
 *   AnalysePass, TypedInterpreter, AnalysisFrame, UninitializedValue, Liveness   pass 2
 *   NewRelocation            pass 2a: NEW/DUP moved after suspending constructor arguments
 *   SuspensionPoint, SavedValue, SlotKind   a point's snapshot and its values
 *   LayoutPass, FrameLayout, PointLayout   pass 3: the frame's slots
 *   RewritePass              pass 4: factory in place, bodies added
 *   BodyRewriter, SaveRestore, SlotAccess, LocalRanges   pass 4a: the body
 *   FactoryBuilder           pass 4b: the factory
 *   VerifyPass               pass 5
 *   AsyncMethod, MethodKind  one @Async method and its kind (coroutine, generator, eager...)
 *   RejectedCode             refused code made to throw its reason
 *   WovenMarker, RuntimeNames, RuntimeContract   the binary contract with the runtime
 *   ClassHierarchy, HierarchyClassWriter   type merges from class files, never loaded
 *   ClassFileCheck           what cannot be read at all, said in words
 *   WeaveResult, WeaveError, WeaveException   results and errors
 */
