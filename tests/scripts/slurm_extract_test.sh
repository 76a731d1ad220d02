#!/usr/bin/env bash
# Brings up a single-node Slurm cluster on this machine (munged, slurmctld and slurmd on
# localhost, configured in a temporary directory, on free ports), runs scripts/slurm-extract
# with 4 shards over fixtures/, and checks that the merged output equals a single-process
# run record for record. Stops every daemon it started and removes its files on exit.
#
# usage: tests/scripts/slurm_extract_test.sh [REGISTRE_BINARY]
# Exit: 0 pass, 1 fail, 77 skipped (not root: the daemons need it).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: the Slurm test needs root (it starts munged, slurmctld and slurmd)"
  exit 77
fi
for tool in munged slurmctld slurmd sbatch sinfo scontrol; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool not found: run scripts/install-deps (slurm-wlm, munge)" >&2
    exit 1
  fi
done

tmp="$(mktemp -d /tmp/registre-slurm.XXXXXX)"
chmod 700 "$tmp"
export SLURM_CONF="$tmp/slurm.conf"
cleanup() {
  local code=$?
  timeout 10 scontrol shutdown >/dev/null 2>&1 || true
  for pidfile in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munge/munged.pid"; do
    if [ -s "$pidfile" ]; then
      pid=$(cat "$pidfile")
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; kill "$pid" 2>/dev/null; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ $code != 0 ]; then
    echo "--- logs in $tmp/log ---" >&2
    tail -n 20 "$tmp"/log/*.log "$tmp"/out.shards/*.log 2>/dev/null >&2 || true
  fi
  rm -rf "$tmp"
  exit $code
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local limit=$1; shift
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.2
  done
}

# munge: a fresh key and socket of our own, so that nothing of the machine's is touched.
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log"
chmod 700 "$tmp/munge"
head -c 1024 /dev/urandom > "$tmp/munge/munge.key"
chmod 600 "$tmp/munge/munge.key"
munged --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.sock" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/munged.seed" || fail "munged did not start"
wait_for 10 test -S "$tmp/munge/munge.sock" || fail "munged socket did not appear"

read -r ctld_port slurmd_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
host="$(hostname -s)"
cat > "$SLURM_CONF" <<CONF
ClusterName=registretest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.sock
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
MinJobAge=300
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=10 State=UP
CONF
slurmctld -f "$SLURM_CONF" -i || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
idle() { sinfo -h -N -o '%t' | grep -qx idle; }
wait_for 30 idle || fail "the node did not become idle: $(sinfo -N 2>&1)"
echo "slurm: node $host idle (slurmctld :$ctld_port, slurmd :$slurmd_port)"

cd "$repo"
timeout 120 scripts/slurm-extract --registre "$registre" --shards 4 --wait \
  --sbatch "--time=5" -o "$tmp/out.jsonl" -- fixtures || fail "slurm-extract failed"
"$registre" extract --quiet --jobs 1 -o "$tmp/single.jsonl" fixtures || fail "single run failed"

shards_used=$(for k in 0 1 2 3; do [ -s "$tmp/out.jsonl.shards/shard-$k.jsonl.done" ] && echo $k; done | wc -l)
[ "$shards_used" -ge 2 ] || fail "only $shards_used shards did any work"
cmp "$tmp/single.jsonl" "$tmp/out.jsonl" || fail "merged output differs from the single run"
records=$(wc -l < "$tmp/out.jsonl")
[ "$records" -gt 0 ] || fail "no records"
echo "PASS: 4-shard Slurm array over fixtures/ merged to $records records, identical to one process"
