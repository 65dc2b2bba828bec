/**
 * The Scheduler daemon's RPC face: {@link io.quarry.scheduler.service.SchedulerService} runs every
 * call against one {@link io.quarry.scheduler.core.SchedulerCore} on a single event thread,
 * {@link io.quarry.scheduler.service.SchedulerServer} binds it to a port and
 * {@link io.quarry.scheduler.service.SchedulerClient} calls it.
 */
package io.quarry.scheduler.service;
