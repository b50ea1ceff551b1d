package cn.bijie.innovation.shared.documents;

import cn.bijie.innovation.shared.application.Application;
import java.util.List;

/**
 * One page of an application's documents, newest first, read in one query together with the application they belong
 * to (null when there is no such application), so the caller's right to see them is checked without a second read.
 */
public record DocumentListing(Application application, List<Document> documents, String nextToken) {}
