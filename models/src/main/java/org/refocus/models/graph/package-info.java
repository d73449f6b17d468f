/**
 * Executing TF.js graph models (TensorFlow GraphDefs) with TensorFlow's exact op semantics. {@link
 * org.refocus.models.graph.HostTensor} and {@link org.refocus.models.graph.HostOps} compute on the
 * Java heap: the constant-folding of shape arithmetic, and the plain reference the engine kernels
 * are tested against.
 */
package org.refocus.models.graph;
