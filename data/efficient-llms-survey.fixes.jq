# Hand fixes applied to `papertree import` output to make data/efficient-llms-survey.json.
# Each one is explained in docs/README-import.md ("Hand fixes"); the importer warns about the first.
# Usage: papertree import README.md --title … | jq -f data/efficient-llms-survey.fixes.jq

# 1. "Parameter Sharing" is a branch of Model Compression in the survey's table of contents,
#    after Knowledge Distillation. The body heading is one level too deep
#    (##### instead of ####), which puts it under Knowledge Distillation. The fix takes it out of
#    wherever it is and puts it back after Knowledge Distillation, so it also holds once fixed upstream.
def category($id): .. | objects | select(.id? == $id and has("name"));

(.taxonomy | first(category("parameter-sharing"))) as $sharing
| .taxonomy |= (
    (.. | objects | select(has("children")) | .children) |= map(select(.id != "parameter-sharing"))
    | (category("model-compression") | .children) |=
        ((map(.id) | index("knowledge-distillation")) as $at | .[0:$at + 1] + [$sharing] + .[$at + 1:])
  )

# 2. The body heading "MoE-Efficient-Supervised-Fine-Tuning" is written like an anchor; the table
#    of contents names it "MoE Efficient Supervised Fine-Tuning". The id stays the same.
| .taxonomy |= ((category("moe-efficient-supervised-fine-tuning") | .name) |= "MoE Efficient Supervised Fine-Tuning")
