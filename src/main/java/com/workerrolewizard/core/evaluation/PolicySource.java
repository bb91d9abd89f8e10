package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.PolicyDocument;

/**
 * A permissions document and how to name it in a detail: {@code inline policy "X"},
 * {@code managed policy "Y"}, {@code the permissions boundary "Z"}.
 */
public record PolicySource(String label, PolicyDocument document) {}
