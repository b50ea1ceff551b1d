package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.platform.Platform;

/** The answer to a merge: the platform merged away ({@code MERGED}, no recognitions) and the one kept, with all. */
public record MergeResult(Platform merged, Platform kept) {}
