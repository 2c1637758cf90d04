#!/bin/bash
# Taking turns: the model before (main 024c6a5: MPJ's loopback line plus the wire) and after (MPJ measured across the link),
# both with the pinned script of /tmp/dev
cd /tmp/dev
for config in "wire 4" "bucket 4" "wire 2" "bucket 2"; do
  set -- $config
  for code in old new; do
    if [ $code = old ]; then export SCALELAB=/work/main/scalelab; else export SCALELAB=/tmp/dev/scalelab; fi
    echo "$(date +%T) $code $1 $2"
    engine/mpj/emulated-cluster --hosts $2 --shaper $1 --markdown > /tmp/ec3/$code-$1-$2.txt 2>&1
  done
done
echo "$(date +%T) done"
