/**
 * The annotations that mark code for the weft weaver. Depends on nothing but {@code java.base};
 * user code compiles against this package alone when it only needs the marker.
 */
package dev.weft.annotation;
