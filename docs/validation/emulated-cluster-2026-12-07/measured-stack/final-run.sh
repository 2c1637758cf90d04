#!/bin/bash
# The script (hosts on whole CPUs of their own where there are enough, else all sharing all) and model (MPJ measured over all the hosts)
cd /tmp/dev
export SCALELAB=/tmp/dev/scalelab
for config in "bucket 4" "wire 4" "bucket 2" "wire 2"; do
  set -- $config
  echo "$(date +%T) $1 $2"
  engine/mpj/emulated-cluster --hosts $2 --shaper $1 --markdown > /tmp/ec5/$1-$2.txt 2>&1
done
echo "$(date +%T) done"
