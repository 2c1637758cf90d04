/**
 * The parallel strategies: which trainer runs a configuration, the lifecycle every run shares, the workers of one
 * process and the ranks of several. Built on the worker loop in {@code training}.
 */
package org.scalelab.engine.strategies;
