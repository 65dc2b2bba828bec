/**
 * The job client's side of the cluster ({@code mapreduce.framework.name=cluster}):
 * {@link io.quarry.scheduler.client.ClusterJobRunner} checks a job, computes its splits with their
 * hosts, stages the job jar and configuration in the default filesystem and submits the job to the
 * Scheduler; {@link io.quarry.scheduler.client.ClusterRunningJob} follows it by polling the
 * Scheduler, kills it on request and removes the staging directory when it sees the job end.
 */
package io.quarry.scheduler.client;
