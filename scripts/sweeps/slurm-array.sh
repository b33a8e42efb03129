#!/bin/bash
# A planned ScaleLab sweep as a Slurm job array: one array task per job line.
#   scalelab sweep design.scalelab --steps 40 --replications 5 --plan jobs.jsonl
#   sbatch --array=0-$(( $(wc -l < jobs.jsonl) - 1 )) scripts/sweeps/slurm-array.sh jobs.jsonl
#   scalelab merge results/*.json --json      (once every task has finished)
# Each task runs one job by its index (SLURM_ARRAY_TASK_ID) and writes one
# result line; the plan file and the scalelab binary must be on a shared
# file system (or the binary in the image the nodes run).
#SBATCH --job-name=scalelab-sweep
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=00:30:00
#SBATCH --output=results/slurm-%A_%a.log
set -euo pipefail
plan=${1:?usage: sbatch --array=0-N slurm-array.sh jobs.jsonl}
mkdir -p results
scalelab run-job --plan "$plan" --index "$SLURM_ARRAY_TASK_ID" > "results/$SLURM_ARRAY_TASK_ID.json"
