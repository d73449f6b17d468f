package org.refocus.models.neural;

import ai.djl.ndarray.NDManager;
import org.refocus.models.graph.GraphExecutor;
import org.refocus.models.graph.GraphPlan;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;

/**
 * A catalogued TF.js graph model (MAXIM) planned for our executor: the plan and its constants are
 * shared; each thread runs its own executor, as it would a predictor, and keeps it from image to
 * image so constants upload and shape arithmetic folds once per thread, not once per image.
 */
public final class GraphModel implements LoadedModel {

  private final ModelSpec spec;
  private final ModelPackage source;
  private final InferenceEngine engine;
  private final GraphPlan plan;
  private final String weightsSha256;
  private final NDManager manager;
  private final ThreadLocal<GraphExecutor> executors = new ThreadLocal<>();

  GraphModel(
      ModelSpec spec,
      ModelPackage source,
      InferenceEngine engine,
      GraphPlan plan,
      String weightsSha256) {
    this.spec = spec;
    this.source = source;
    this.engine = engine;
    this.plan = plan;
    this.weightsSha256 = weightsSha256;
    this.manager = engine.engine().newBaseManager(engine.device());
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public ModelPackage source() {
    return source;
  }

  @Override
  public InferenceEngine engine() {
    return engine;
  }

  @Override
  public String weightsSha256() {
    return weightsSha256;
  }

  /** An executor on this model's engine and device; close it when the thread is done. */
  public GraphExecutor newExecutor() {
    return new GraphExecutor(plan, manager);
  }

  /**
   * The calling thread's executor, made on first use; it lives as long as this model (closing the
   * model releases every thread's).
   */
  GraphExecutor executor() {
    GraphExecutor executor = executors.get();
    if (executor == null) {
      executor = newExecutor();
      executors.set(executor);
    }
    return executor;
  }

  /** A manager for one call's arrays, on this model's engine and device. */
  NDManager newCallManager() {
    return manager.newSubManager();
  }

  @Override
  public void close() {
    manager.close();
  }
}
