/** Compiled-but-not-woven classes that the offline weaver's tests copy into class directories. */
package dev.weft.agent.samples;
