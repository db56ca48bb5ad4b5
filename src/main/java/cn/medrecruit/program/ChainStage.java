package cn.medrecruit.program;

/** One review stage of a batch, in chain order from 0; its window is empty until the province sets it. */
public record ChainStage(int index, StageLevel level, OnReject onReject, Window window) {
}
