#!/usr/bin/env bash
# Category resolution on the shipped corpus, as people type categories (issue 14): words of a
# name, abbreviations, ambiguous words listing candidates, misses with suggestions; the same in
# list, tree, export, stats, --in and in:.
source "$(dirname "$0")/lib.sh"

# The category each everyday word or abbreviation resolves to: `tree WORD --format json` starts
# the tree there.
expect_resolves() {
  run tree "$1" --format json --depth 0
  expect_code 0
  local id
  id="$(jq -r '.categories[0].id' <<<"$out")"
  [[ $id == "$2" ]] || fail "tree '$1' resolved to '$id', expected '$2'"
}
expect_resolves pruning parameter-pruning
expect_resolves distillation knowledge-distillation
expect_resolves attention efficient-attention
expect_resolves lora low-rank-adaptation
expect_resolves LoRA low-rank-adaptation
expect_resolves mamba state-space-models
expect_resolves serving system-level-serving-efficiency-optimization
expect_resolves PTQ post-training-quantization
expect_resolves qat quantization-aware-training
expect_resolves KD knowledge-distillation
expect_resolves peft parameter-efficient-fine-tuning
expect_resolves MoE mixture-of-experts
expect_resolves SSM state-space-models
expect_resolves "kv cache" kv-cache-optimization
expect_resolves KVCache kv-cache-optimization
expect_resolves "mixture of experts" mixture-of-experts
expect_resolves "quantization weight only" weight-only-quantization
expect_resolves distill knowledge-distillation
expect_resolves speculative speculative-decoding
expect_resolves quant quantization

# The complaint of issue 14, verbatim: a bibliography of one everyday word.
run export pruning --format bibtex
expect_code 0
expect_contains "@"
[[ $(grep -c '^@' <<<"$out") -ge 10 ]] || fail "export pruning: fewer than 10 entries"

# The same resolution in list, stats, search --in and in:.
run list pruning --format ids
expect_code 0
pruning_ids="$out"
run list parameter-pruning --format ids
[[ $out == "$pruning_ids" ]] || fail "list pruning differs from list parameter-pruning"
run stats distillation
expect_code 0
run search --in lora --format ids --limit 0 adaptation
expect_code 0
lora_in="$out"
run search --format ids --limit 0 adaptation in:lora
expect_code 0
[[ $out == "$lora_in" && -n $out ]] || fail "search --in lora and in:lora disagree"

# An ambiguous word lists id, paper count and path of each candidate, and exits 2.
run list decoding
expect_code 2
expect_err_contains 'category "decoding" is ambiguous; it matches 2 categories:'
expect_err_contains 'parallel-decoding'
expect_err_contains 'speculative-decoding'
expect_err_contains 'Model-Centric Methods / Efficient Inference / Speculative Decoding'
expect_err_contains 'papers'

# Every miss suggests something close.
run export prunign --format bibtex
expect_code 2
expect_err_contains 'unknown category "prunign"; did you mean "Parameter Pruning"'
run list distilaton
expect_code 2
expect_err_contains 'did you mean "Knowledge Distillation"'
run tree mamaba
expect_code 2
expect_err_contains 'did you mean "State Space Models"'

# tree --ids shows the ids to copy, and each id resolves.
run tree --ids
expect_code 0
expect_contains "Low-Rank Adaptation  low-rank-adaptation"
expect_contains "Parameter Pruning  parameter-pruning"

# On a terminal (table), a category named otherwise than by its id, path or name says which it
# is; a pipe gets nothing extra.
run list prompting --format table --limit 1
expect_code 0
expect_err_contains 'papertree: note: "prompting" is the category Few-Shot Prompting (few-shot-prompting)'
run list few-shot-prompting --format table --limit 1
[[ $err != *"is the category"* ]] || fail "list by id got a note: $err"
run list "few-shot prompting" --format table --limit 1
[[ $err != *"is the category"* ]] || fail "list by name got a note: $err"
run list prompting --format ids --limit 1
[[ $err != *"is the category"* ]] || fail "list to a pipe got a note: $err"
finish
