-- A GitLab pipeline (webhook or poll) names the tag it ran for; its series is found
-- through apply_result.tag.
CREATE INDEX "apply_result_tag_idx" ON "apply_result"("tag");
