#pragma once

#include <string_view>

namespace papertree::html_assets {

/// The page's style sheet (inside <style>).
extern const std::string_view k_css;
/// The page's script (inside <script>); its exact bytes are hashed into the CSP below.
extern const std::string_view k_script;
/// "sha256-…" of k_script for the Content-Security-Policy. The e2e test recomputes it; update
/// both together (python3 -c "…hashlib.sha256…") when the script changes.
extern const std::string_view k_script_hash;

}  // namespace papertree::html_assets
