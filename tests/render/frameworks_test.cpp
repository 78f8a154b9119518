#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "papertree/render/frameworks.hpp"

namespace papertree {
namespace {

std::vector<Framework> two_frameworks() {
  Framework deepspeed;
  deepspeed.id = "deepspeed";
  deepspeed.name = "DeepSpeed";
  deepspeed.url = "https://github.com/microsoft/DeepSpeed";
  deepspeed.supports = {"training", "inference", "fine-tuning"};
  Framework trt;
  trt.id = "tensorrt-llm";
  trt.name = "TensorRT-LLM";
  trt.url = "https://github.com/NVIDIA/TensorRT-LLM";
  trt.supports = {"inference"};
  return {deepspeed, trt};
}

std::string table(std::size_t width, TextStyle style = {}) {
  std::vector<Framework> frameworks = two_frameworks();
  std::vector<const Framework*> rows;
  for (const Framework& f : frameworks) rows.push_back(&f);
  std::ostringstream out;
  render_frameworks_table(rows, style, width, out);
  return out.str();
}

TEST(FrameworksTable, WideEnoughShowsTheUrls) {
  EXPECT_EQ(
      table(0),
      "Framework     Training  Inference  Fine-tuning  URL\n"
      "DeepSpeed        ✓          ✓           ✓       https://github.com/microsoft/DeepSpeed\n"
      "TensorRT-LLM     ✗          ✓           ✗       https://github.com/NVIDIA/TensorRT-LLM\n");
  EXPECT_EQ(table(86), table(0));
}

// Without the URL the last cell used to be padded, so every row ended in spaces.
TEST(FrameworksTable, UrlColumnGoesWholeAndNoRowEndsInSpaces) {
  EXPECT_EQ(table(85),
            "Framework     Training  Inference  Fine-tuning\n"
            "DeepSpeed        ✓          ✓           ✓\n"
            "TensorRT-LLM     ✗          ✓           ✗\n");
  EXPECT_EQ(table(46), table(85));
}

// Review finding: at 40 columns the table was 46 wide. The headings shorten, then names are cut.
TEST(FrameworksTable, NarrowWidthsShortenHeadingsThenCutNames) {
  EXPECT_EQ(table(45),
            "Framework     Train  Infer  Tune\n"
            "DeepSpeed       ✓      ✓     ✓\n"
            "TensorRT-LLM    ✗      ✓     ✗\n");
  EXPECT_EQ(table(32), table(45));
  EXPECT_EQ(table(30),
            "Framework   Train  Infer  Tune\n"
            "DeepSpeed     ✓      ✓     ✓\n"
            "TensorRT-…    ✗      ✓     ✗\n");
  // Names keep 5 columns; narrower than that, rows overflow rather than lose the marks.
  EXPECT_EQ(table(10),
            "Fram…  Train  Infer  Tune\n"
            "Deep…    ✓      ✓     ✓\n"
            "Tens…    ✗      ✓     ✗\n");
}

TEST(FrameworksTable, ColouredRowsEndInTheResetNotSpaces) {
  TextStyle style;
  style.bold = "<b>";
  style.good = "<g>";
  style.bad = "<x>";
  style.reset = "</>";
  EXPECT_EQ(table(50, style),
            "<b>Framework     Training  Inference  Fine-tuning</>\n"
            "DeepSpeed        <g>✓</>          <g>✓</>           <g>✓</>\n"
            "TensorRT-LLM     <x>✗</>          <g>✓</>           <x>✗</>\n");
}

}  // namespace
}  // namespace papertree
