package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders jobs for a free slot by how far each is below its fair share of running tasks. Shares are
 * max-min fair: slots are split equally among jobs that want them, and what a job cannot use
 * (its demand is lower) is split among the rest. Ties go to the earlier job (FIFO).
 */
final class FairShare {
    private FairShare() {
    }

    /** Jobs with demand for {@code type}, neediest first. */
    static List<JobInProgress> order(List<JobInProgress> jobsInSubmitOrder, TaskType type, int totalSlots) {
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < jobsInSubmitOrder.size(); i++) {
            JobInProgress job = jobsInSubmitOrder.get(i);
            int running = job.running(type);
            int demand = running + job.pending(type);
            if (job.pending(type) > 0 || hasSpeculationRoom(job, type)) {
                demands.add(new Demand(job, i, running, Math.max(demand, running + 1)));
            }
        }
        assignShares(demands, totalSlots);
        demands.sort(Comparator.comparingDouble(Demand::ratio).thenComparingInt(Demand::order));
        List<JobInProgress> ordered = new ArrayList<>(demands.size());
        for (Demand demand : demands) {
            ordered.add(demand.job);
        }
        return ordered;
    }

    private static boolean hasSpeculationRoom(JobInProgress job, TaskType type) {
        return job.running(type) > 0;
    }

    /** Water-filling: repeatedly give every unsatisfied job an equal part of what is left. */
    private static void assignShares(List<Demand> demands, int totalSlots) {
        double left = totalSlots;
        List<Demand> open = new ArrayList<>(demands);
        while (!open.isEmpty() && left > 1e-9) {
            double part = left / open.size();
            List<Demand> stillOpen = new ArrayList<>();
            double given = 0;
            for (Demand demand : open) {
                double want = demand.demand - demand.share;
                double give = Math.min(want, part);
                demand.share += give;
                given += give;
                if (demand.share < demand.demand - 1e-9) {
                    stillOpen.add(demand);
                }
            }
            left -= given;
            if (stillOpen.size() == open.size()) {
                break;
            }
            open = stillOpen;
        }
    }

    private static final class Demand {
        final JobInProgress job;
        final int order;
        final int running;
        final int demand;
        double share;

        Demand(JobInProgress job, int order, int running, int demand) {
            this.job = job;
            this.order = order;
            this.running = running;
            this.demand = demand;
        }

        double ratio() {
            return share <= 0 ? Double.MAX_VALUE : running / share;
        }

        int order() {
            return order;
        }
    }
}
